/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996, type 7,
 * the default of R's `quantile`).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], probability: number): number {
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  if (values.length === 0) throw new RangeError('values must not be empty');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** The median (quantile 0.5). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
