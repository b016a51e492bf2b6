import type { DenseDailySeries } from './daily-history';
import type { EventWindowIndex } from './event-window-index';
import { median } from './quantile';
import {
  buildRegressionLayout,
  maxRowEntries,
  writeFeatureRow,
  type RegressionLayout,
} from './regression-features';
import { RidgeAccumulator } from './ridge';

/** Tuning of the log-linear daily regression. */
export interface RegressionOptions {
  /** Trend changepoints, evenly spaced over the first 80% of the training span (default 3). */
  changepoints: number;
  /** Yearly Fourier order K (default 4); dropped when less than ~11 months of history. */
  fourierOrder: number;
  changepointPenalty: number;
  eventPenalty: number;
  /** Robust z-score above which a day is an outlier (default 4). */
  outlierThreshold: number;
  /** Share of the recent level residual (last 28 ordinary days) carried into the forecast (0..1). */
  levelWeight: number;
  /** The share carried when the residual has persisted for two months (see levelShiftOf). */
  persistentLevelWeight: number;
  /** Smallest median log residual, in both months, that counts as a persistent level shift. */
  persistentLevel: number;
}

export const DEFAULT_REGRESSION_OPTIONS: RegressionOptions = {
  changepoints: 3,
  fourierOrder: 4,
  changepointPenalty: 20,
  eventPenalty: 0.05,
  outlierThreshold: 4,
  levelWeight: 0.5,
  persistentLevelWeight: 1,
  persistentLevel: 0.05,
};

/** A fitted regression: log(1 + y) = x·β (+ level shift). */
export interface RegressionFit {
  layout: RegressionLayout;
  coefficients: Float64Array;
  levelShift: number;
  /** Day numbers left out of the fit as outliers. */
  outliers: number[];
}

const YEAR = 365.2425;

/**
 * The column layout for a series, fixed from the calendar alone (never from the values) so that every
 * backtest origin shares it and the fits can be accumulated incrementally: trend changepoints on the
 * 1st, 2nd, … anniversary of the first day (up to `options.changepoints`, each at least half a year
 * before the end), Fourier terms only with ~11 months of history. A changepoint after an origin is a
 * zero column there, held at 0 by its penalty.
 */
export function regressionLayoutFor(
  series: DenseDailySeries,
  index: EventWindowIndex,
  options: RegressionOptions,
): RegressionLayout {
  const span = (series.values.length - 1) / YEAR;
  const changepoints: number[] = [];
  for (let k = 1; k <= options.changepoints && k <= span - 0.5; k++) changepoints.push(k);
  return buildRegressionLayout({
    trendOrigin: series.startDay,
    changepoints,
    fourierOrder: span >= 0.9 ? options.fourierOrder : 0,
    eventFeatures: index.features.length,
    changepointPenalty: options.changepointPenalty,
    eventPenalty: options.eventPenalty,
  });
}

/** Open, non-excluded day positions before `end` (a position in `series.values`). */
function usedRows(series: DenseDailySeries, end: number, excluded: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < end; i++) if (series.values[i] > 0 && !excluded.has(series.startDay + i)) rows.push(i);
  return rows;
}

function predictAt(
  layout: RegressionLayout,
  coefficients: Float64Array,
  index: EventWindowIndex,
  day: number,
): number {
  return predictRegressionLog({ layout, coefficients, levelShift: 0, outliers: [] }, index, day);
}

/**
 * The level carried into the forecast: the median residual over the last 28 ordinary used days (within
 * 42 days of the end), times `levelWeight`, or times `persistentLevelWeight` when the 28 ordinary days
 * before those (within 84 days of the end) have a median residual of the same sign and at least
 * `persistentLevel` in size (a level shift that has lasted two months, not a passing swing).
 */
function levelShiftOf(
  series: DenseDailySeries,
  rows: readonly number[],
  end: number,
  layout: RegressionLayout,
  coefficients: Float64Array,
  index: EventWindowIndex,
  options: RegressionOptions,
): number {
  const recent: number[] = [];
  const earlier: number[] = [];
  for (let k = rows.length - 1; k >= 0 && earlier.length < 28; k--) {
    const i = rows[k];
    const into = recent.length < 28 ? recent : earlier;
    if (i < end - (into === recent ? 42 : 84)) break;
    const day = series.startDay + i;
    if (!index.inWindow(day))
      into.push(Math.log1p(series.values[i]) - predictAt(layout, coefficients, index, day));
  }
  return carriedLevel(recent, earlier, options);
}

/**
 * The level residual carried into the forecast from the log residuals of the last 28 ordinary days
 * (`recent`) and the 28 before them (`earlier`): 0 with fewer than 7 recent days; else median(recent)
 * times `persistentLevelWeight` when median(earlier) (7 days or more) has the same sign and both are at
 * least `persistentLevel` in size, otherwise times `levelWeight`.
 * @example carriedLevel([-0.3 × 28], [-0.25 × 28], DEFAULT_REGRESSION_OPTIONS) // -0.3 (a lasting shift)
 */
export function carriedLevel(
  recent: readonly number[],
  earlier: readonly number[],
  options: Pick<RegressionOptions, 'levelWeight' | 'persistentLevelWeight' | 'persistentLevel'>,
): number {
  if (recent.length < 7) return 0;
  const level = median(recent);
  const before = earlier.length >= 7 ? median(earlier) : 0;
  const persistent =
    Math.sign(before) === Math.sign(level) &&
    Math.min(Math.abs(level), Math.abs(before)) >= options.persistentLevel;
  return (persistent ? options.persistentLevelWeight : options.levelWeight) * level;
}

function accumulate(
  ridge: RidgeAccumulator,
  series: DenseDailySeries,
  rows: readonly number[],
  layout: RegressionLayout,
  index: EventWindowIndex,
): void {
  const indices = new Int32Array(maxRowEntries(layout));
  const entries = new Float64Array(indices.length);
  for (const i of rows) {
    const count = writeFeatureRow(layout, index, series.startDay + i, indices, entries);
    ridge.addRow(indices, entries, count, Math.log1p(series.values[i]));
  }
}

/** The fewest open days (with contacts) a fit needs before its origin. */
export const MINIMUM_OPEN_DAYS = 14;

function assertEnoughRows(rows: readonly number[]): void {
  if (rows.length < MINIMUM_OPEN_DAYS)
    throw new RangeError(
      `history must hold at least ${MINIMUM_OPEN_DAYS} open days before the forecast, got ${rows.length}`,
    );
}

/**
 * Fits `log(1 + y_t) = trend + weekday + Fourier + event offsets + ε` by ridge regression on the
 * open days before `trainEnd` (day number, exclusive), excluding `excluded` days. With
 * `detectOutliers`, days whose residual exceeds `outlierThreshold` robust standard deviations
 * (1.4826·MAD) are flagged and the model is refitted without them, so that one outage cannot bend it.
 */
export function fitRegression(
  series: DenseDailySeries,
  trainEnd: number,
  index: EventWindowIndex,
  layout: RegressionLayout,
  options: RegressionOptions,
  excluded: ReadonlySet<number>,
  detectOutliers: boolean,
): RegressionFit {
  const end = Math.min(trainEnd - series.startDay, series.values.length);
  const rows = usedRows(series, end, excluded);
  assertEnoughRows(rows);
  const solve = (used: readonly number[]): Float64Array => {
    const ridge = new RidgeAccumulator(layout.columns);
    accumulate(ridge, series, used, layout, index);
    return ridge.solve(layout.lambda);
  };
  let coefficients = solve(rows);
  let used = rows;
  const outliers: number[] = [];
  if (detectOutliers) {
    const residuals = rows.map(
      (i) => Math.log1p(series.values[i]) - predictAt(layout, coefficients, index, series.startDay + i),
    );
    const center = median(residuals);
    const sigma = Math.max(1.4826 * median(residuals.map((r) => Math.abs(r - center))), 0.02);
    used = rows.filter((i, k) => {
      const outlier = Math.abs(residuals[k] - center) > options.outlierThreshold * sigma;
      if (outlier) outliers.push(series.startDay + i);
      return !outlier;
    });
    if (outliers.length > 0) coefficients = solve(used);
  }
  const levelShift = levelShiftOf(series, used, end, layout, coefficients, index, options);
  return { layout, coefficients, levelShift, outliers };
}

/**
 * The same fit at many origins at once (rolling-origin backtests): rows are added once in day order
 * and the normal equations solved at each origin, so N origins cost one pass over the history plus N
 * small solves instead of N passes. Identical to calling {@link fitRegression} per origin without
 * outlier detection.
 */
export function fitRegressionAtOrigins(
  series: DenseDailySeries,
  origins: readonly number[],
  index: EventWindowIndex,
  layout: RegressionLayout,
  options: RegressionOptions,
  excluded: ReadonlySet<number>,
): RegressionFit[] {
  const order = origins.map((origin, k) => ({ origin, k })).sort((a, b) => a.origin - b.origin);
  const allRows = usedRows(series, series.values.length, excluded);
  const ridge = new RidgeAccumulator(layout.columns);
  const fits: RegressionFit[] = new Array(origins.length);
  let next = 0;
  for (const { origin, k } of order) {
    const end = Math.min(origin - series.startDay, series.values.length);
    let upTo = next;
    while (upTo < allRows.length && allRows[upTo] < end) upTo++;
    accumulate(ridge, series, allRows.slice(next, upTo), layout, index);
    next = upTo;
    const rows = allRows.slice(0, upTo);
    assertEnoughRows(rows);
    const coefficients = ridge.solve(layout.lambda);
    const levelShift = levelShiftOf(series, rows, end, layout, coefficients, index, options);
    fits[k] = { layout, coefficients, levelShift, outliers: [] };
  }
  return fits;
}

/** Forecast of log(1 + y) for a day number (median on the original scale after expm1). */
export function predictRegressionLog(fit: RegressionFit, index: EventWindowIndex, dayNumber: number): number {
  const size = maxRowEntries(fit.layout);
  if (scratch.indices.length < size)
    scratch = { indices: new Int32Array(size), entries: new Float64Array(size) };
  const { indices, entries } = scratch;
  const count = writeFeatureRow(fit.layout, index, dayNumber, indices, entries);
  let sum = fit.levelShift;
  for (let a = 0; a < count; a++) sum += fit.coefficients[indices[a]] * entries[a];
  return sum;
}

// Reused row buffers: prediction is synchronous, so one pair serves every call without garbage.
let scratch = { indices: new Int32Array(32), entries: new Float64Array(32) };
