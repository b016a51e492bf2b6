/**
 * Okabe–Ito colours (Okabe & Ito, "Color Universal Design", 2008): told apart with every common
 * colour-vision deficiency. Every chart of the planning pages takes its colours from here.
 */
export const PALETTE = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grid: 'rgba(15, 23, 42, 0.08)',
  text: '#334155',
  title: '#0f172a',
} as const;

/** A palette colour with transparency, for bands and shaded windows. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
