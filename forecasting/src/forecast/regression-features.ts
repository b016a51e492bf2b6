import type { EventWindowIndex } from './event-window-index';

/** Column layout of the daily regression (see {@link writeFeatureRow}). */
export interface RegressionLayout {
  /** Day number where the trend is 0. */
  trendOrigin: number;
  /** Trend changepoints, in years after `trendOrigin`. */
  changepoints: number[];
  fourierOrder: number;
  eventFeatures: number;
  columns: number;
  /** Penalty per column. */
  lambda: Float64Array;
}

const YEAR = 365.2425;
const INTERCEPT = 0;
const TREND = 1;

/**
 * Columns: intercept, linear trend (years), hinge max(0, t − c_k) per changepoint, 7 day-of-week
 * dummies, yearly Fourier pairs sin/cos(2πk·d/365.2425) for k = 1..K, then one 0/1 column per
 * (event, offset). Penalties: none on intercept and trend, `changepointPenalty` on hinges (a few
 * changepoints, shrunk towards a straight line as in Prophet), light on weekdays and Fourier terms,
 * `eventPenalty` on event offsets (each seen once a year, so shrink gently).
 */
export function buildRegressionLayout(options: {
  trendOrigin: number;
  changepoints: number[];
  fourierOrder: number;
  eventFeatures: number;
  changepointPenalty: number;
  eventPenalty: number;
}): RegressionLayout {
  const { changepoints, fourierOrder, eventFeatures } = options;
  const columns = 2 + changepoints.length + 7 + 2 * fourierOrder + eventFeatures;
  const lambda = new Float64Array(columns);
  let column = 2;
  for (let k = 0; k < changepoints.length; k++) lambda[column++] = options.changepointPenalty;
  for (let k = 0; k < 7; k++) lambda[column++] = 0.1;
  for (let k = 0; k < 2 * fourierOrder; k++) lambda[column++] = 1;
  for (let k = 0; k < eventFeatures; k++) lambda[column++] = options.eventPenalty;
  return { ...options, columns, lambda };
}

/** Writes the non-zero entries of a day's row into `indices`/`values`; returns how many. */
export function writeFeatureRow(
  layout: RegressionLayout,
  index: EventWindowIndex,
  dayNumber: number,
  indices: Int32Array,
  values: Float64Array,
): number {
  const t = (dayNumber - layout.trendOrigin) / YEAR;
  let count = 0;
  indices[count] = INTERCEPT;
  values[count++] = 1;
  indices[count] = TREND;
  values[count++] = t;
  let column = 2;
  for (const changepoint of layout.changepoints) {
    if (t > changepoint) {
      indices[count] = column;
      values[count++] = t - changepoint;
    }
    column++;
  }
  indices[count] = column + ((((dayNumber + 4) % 7) + 7) % 7);
  values[count++] = 1;
  column += 7;
  const phase = (2 * Math.PI * dayNumber) / YEAR;
  for (let k = 1; k <= layout.fourierOrder; k++) {
    indices[count] = column++;
    values[count++] = Math.sin(k * phase);
    indices[count] = column++;
    values[count++] = Math.cos(k * phase);
  }
  const feature = index.featureAt(dayNumber);
  if (feature >= 0) {
    indices[count] = column + feature;
    values[count++] = 1;
  }
  return count;
}

/** Maximum non-zeros per row for a layout (buffer size). */
export function maxRowEntries(layout: RegressionLayout): number {
  return 2 + layout.changepoints.length + 1 + 2 * layout.fourierOrder + 1;
}
