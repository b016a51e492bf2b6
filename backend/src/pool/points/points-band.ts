import type { PointsBand } from '@peakplan/contracts';

/**
 * The band of a member's points this year among the pool members with points this year: how many have
 * strictly more, as a share of all of them. Ties share the better band; no names, no rank.
 *
 * @example pointsBand(80, [100, 80, 50, 20]) // → 1 of 4 above: 25%, not under 25%: 'top-50'
 */
export function pointsBand(mine: number, yearTotals: readonly number[]): PointsBand {
  if (mine <= 0) return 'none';
  const earning = yearTotals.filter((total) => total > 0);
  const above = earning.filter((total) => total > mine).length;
  const share = above / Math.max(earning.length, 1);
  if (share < 0.1) return 'top-10';
  if (share < 0.25) return 'top-25';
  if (share < 0.5) return 'top-50';
  return 'rest';
}

export const BAND_TEXT: Record<PointsBand, string> = {
  'top-10': 'Your points this year are among the top 10% of the pool.',
  'top-25': 'Your points this year are among the top 25% of the pool.',
  'top-50': 'Your points this year are in the top half of the pool.',
  rest: 'Your points this year are building up: every shift counts.',
  none: 'No points yet this year.',
};
