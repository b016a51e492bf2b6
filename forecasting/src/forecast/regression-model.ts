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
}

export const DEFAULT_REGRESSION_OPTIONS: RegressionOptions = {
  changepoints: 3,
  fourierOrder: 4,
  changepointPenalty: 20,
  eventPenalty: 0.05,
  outlierThreshold: 4,
  levelWeight: 0.5,
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
 * Fits `log(1 + y_t) = trend + weekday + Fourier + event offsets + ε` by ridge regression on the
 * open days before `trainEnd` (day number, exclusive), excluding `excluded` days. With
 * `detectOutliers`, days whose residual exceeds `outlierThreshold` robust standard deviations
 * (1.4826·MAD) are flagged and the model is refitted without them, so that one outage cannot bend it.
 */
export function fitRegression(
  series: DenseDailySeries,
  trainEnd: number,
  index: EventWindowIndex,
  options: RegressionOptions,
  excluded: ReadonlySet<number>,
  detectOutliers: boolean,
): RegressionFit {
  const { startDay, values } = series;
  const end = Math.min(trainEnd - startDay, values.length);
  const rows: number[] = [];
  for (let i = 0; i < end; i++) if (values[i] > 0 && !excluded.has(startDay + i)) rows.push(i);
  if (rows.length < 14)
    throw new RangeError(`history must hold at least 14 open days before the forecast, got ${rows.length}`);
  const span = (rows[rows.length - 1] - rows[0]) / YEAR;
  const changepoints: number[] = [];
  if (span >= 1)
    for (let k = 1; k <= options.changepoints; k++)
      changepoints.push((rows[0] + (0.8 * span * YEAR * k) / (options.changepoints + 1)) / YEAR);
  const layout = buildRegressionLayout({
    trendOrigin: startDay,
    changepoints,
    fourierOrder: span >= 0.9 ? options.fourierOrder : 0,
    eventFeatures: index.features.length,
    changepointPenalty: options.changepointPenalty,
    eventPenalty: options.eventPenalty,
  });
  const indices = new Int32Array(maxRowEntries(layout));
  const entries = new Float64Array(indices.length);
  const solve = (used: readonly number[]): Float64Array => {
    const ridge = new RidgeAccumulator(layout.columns);
    for (const i of used) {
      const count = writeFeatureRow(layout, index, startDay + i, indices, entries);
      ridge.addRow(indices, entries, count, Math.log1p(values[i]));
    }
    return ridge.solve(layout.lambda);
  };
  const predict = (coefficients: Float64Array, i: number): number => {
    const count = writeFeatureRow(layout, index, startDay + i, indices, entries);
    let sum = 0;
    for (let a = 0; a < count; a++) sum += coefficients[indices[a]] * entries[a];
    return sum;
  };
  let coefficients = solve(rows);
  let used = rows;
  const outliers: number[] = [];
  if (detectOutliers) {
    const residuals = rows.map((i) => Math.log1p(values[i]) - predict(coefficients, i));
    const center = median(residuals);
    const sigma = Math.max(1.4826 * median(residuals.map((r) => Math.abs(r - center))), 0.02);
    used = rows.filter((i, k) => {
      const outlier = Math.abs(residuals[k] - center) > options.outlierThreshold * sigma;
      if (outlier) outliers.push(startDay + i);
      return !outlier;
    });
    if (outliers.length > 0) coefficients = solve(used);
  }
  const recent: number[] = [];
  for (let k = used.length - 1; k >= 0 && recent.length < 28; k--) {
    const i = used[k];
    if (i < end - 42) break;
    if (!index.inWindow(startDay + i)) recent.push(Math.log1p(values[i]) - predict(coefficients, i));
  }
  const levelShift = recent.length >= 7 ? options.levelWeight * median(recent) : 0;
  return { layout, coefficients, levelShift, outliers };
}

/** Forecast of log(1 + y) for a day number (median on the original scale after expm1). */
export function predictRegressionLog(fit: RegressionFit, index: EventWindowIndex, dayNumber: number): number {
  const indices = new Int32Array(maxRowEntries(fit.layout));
  const entries = new Float64Array(indices.length);
  const count = writeFeatureRow(fit.layout, index, dayNumber, indices, entries);
  let sum = fit.levelShift;
  for (let a = 0; a < count; a++) sum += fit.coefficients[indices[a]] * entries[a];
  return sum;
}
