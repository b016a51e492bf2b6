/*
 * Forecast accuracy metrics on paired arrays of actuals and forecasts (same length, finite, ≥ 0).
 * Definitions follow Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed., §5.8)
 * and the M4 competition guide (sMAPE, MASE).
 */

function assertPairs(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length)
    throw new RangeError(
      `actual and forecast must have the same length (${actual.length} vs ${forecast.length})`,
    );
  if (actual.length === 0) throw new RangeError('actual must not be empty');
  actual.forEach((value, index) => {
    if (!Number.isFinite(value)) throw new TypeError(`actual[${index}] must be a finite number`);
    if (!Number.isFinite(forecast[index])) throw new TypeError(`forecast[${index}] must be a finite number`);
  });
}

/**
 * Weighted absolute percentage error: Σ|a − f| / Σ|a|. NaN-free: returns 0 when both sums are 0
 * and Infinity when only the actuals are 0.
 * @example wape([100, 200], [110, 170]) // 0.1333… (40 / 300)
 */
export function wape(actual: readonly number[], forecast: readonly number[]): number {
  assertPairs(actual, forecast);
  let error = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    error += Math.abs(actual[i] - forecast[i]);
    total += Math.abs(actual[i]);
  }
  if (total === 0) return error === 0 ? 0 : Infinity;
  return error / total;
}

/**
 * Symmetric MAPE on open days only (days with actual > 0): mean of 2|a − f| / (|a| + |f|), in 0..2.
 * Closed days are left out because 0/0 says nothing about accuracy. Returns NaN-free 0 with no open day.
 * @example smape([100, 0, 200], [110, 0, 170]) // (20/210 + 60/370) / 2 = 0.1287…
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  assertPairs(actual, forecast);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] <= 0) continue;
    sum += (2 * Math.abs(actual[i] - forecast[i])) / (Math.abs(actual[i]) + Math.abs(forecast[i]));
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Mean absolute scaled error: mean|a − f| / scale, where scale is the in-sample mean absolute error of
 * the seasonal naive forecast with lag `m` on the training series: mean_t |y_t − y_{t−m}|
 * (Hyndman & Koehler 2006). Daily data use m = 7.
 * @example maseScale([1, 2, 3, 4, 5, 6, 7, 3, 2, 3, 4, 5, 6, 7], 7) // 2 / 7
 */
export function maseScale(training: readonly number[], lag = 7): number {
  if (!Number.isInteger(lag) || lag < 1) throw new RangeError(`lag must be a positive integer, got ${lag}`);
  let sum = 0;
  let count = 0;
  for (let t = lag; t < training.length; t++) {
    const now = training[t];
    const before = training[t - lag];
    if (!Number.isFinite(now) || !Number.isFinite(before)) continue;
    sum += Math.abs(now - before);
    count++;
  }
  if (count === 0)
    throw new RangeError(`training must hold more than ${lag} finite values for the MASE scale`);
  return sum / count;
}

/** MASE = mean|a − f| / `scale` (from {@link maseScale}). */
export function mase(actual: readonly number[], forecast: readonly number[], scale: number): number {
  assertPairs(actual, forecast);
  if (!(scale > 0)) throw new RangeError(`scale must be > 0, got ${scale}`);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length / scale;
}

/**
 * Relative bias: (Σf − Σa) / Σa; positive means over-forecast.
 * @example bias([100, 200], [110, 170]) // −0.0666…
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  assertPairs(actual, forecast);
  let sumActual = 0;
  let sumForecast = 0;
  for (let i = 0; i < actual.length; i++) {
    sumActual += actual[i];
    sumForecast += forecast[i];
  }
  if (sumActual === 0) return sumForecast === 0 ? 0 : Infinity;
  return (sumForecast - sumActual) / sumActual;
}

/**
 * Share of actuals inside the band [lower, upper] (inclusive): the empirical coverage of a
 * P10–P90 band, which should be close to 0.8.
 * @example intervalCoverage([5, 10, 20], [4, 11, 15], [6, 12, 25]) // 2 / 3
 */
export function intervalCoverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  assertPairs(actual, lower);
  assertPairs(actual, upper);
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}
