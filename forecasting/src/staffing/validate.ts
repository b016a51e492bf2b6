/** Argument checks shared by the staffing functions: each names the bad argument. */

/** Throws unless `value` is a finite number (TypeError) that is at least `min` (RangeError). */
export function assertFinite(value: number, name: string, min = -Infinity): void {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${name} must be a number, got ${String(value)}`);
  }
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`);
  if (value < min) throw new RangeError(`${name} must be at least ${min}, got ${value}`);
}

/** Throws unless `value` is a finite number strictly greater than zero. */
export function assertPositive(value: number, name: string): void {
  assertFinite(value, name);
  if (value <= 0) throw new RangeError(`${name} must be greater than 0, got ${value}`);
}

/** Throws unless `value` is a whole number ≥ 0. */
export function assertCount(value: number, name: string): void {
  assertFinite(value, name, 0);
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

/** Throws unless `low < value < high` (open interval) or, with `closedHigh`, `low < value ≤ high`. */
export function assertBetween(
  value: number,
  name: string,
  low: number,
  high: number,
  closedHigh = false,
): void {
  assertFinite(value, name);
  const ok = value > low && (closedHigh ? value <= high : value < high);
  if (!ok) {
    throw new RangeError(`${name} must be in (${low}, ${high}${closedHigh ? ']' : ')'}, got ${value}`);
  }
}
