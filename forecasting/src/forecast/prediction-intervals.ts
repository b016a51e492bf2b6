import type { BacktestRun } from './backtest-runs';
import { combineAt, type CombinationWeights } from './component-forecasts';
import { quantile } from './quantile';

/** Empirical log-error quantiles per horizon bucket, for peak and ordinary days. */
export interface IntervalTable {
  buckets: { maxHorizon: number; peak: ErrorBand; ordinary: ErrorBand }[];
  samples: number;
  /** True when there were too few backtest errors and default widths were used. */
  fallback: boolean;
}

/** Quantiles of log(1 + actual) − log(1 + forecast), and how many errors they rest on. */
export interface ErrorBand {
  q10: number;
  q90: number;
  samples: number;
}

const HORIZON_BUCKETS = [7, 14, 28, 56, 91, Infinity];
const MINIMUM_SAMPLES = 20;
/** Used with no backtest errors at all (short history): about ±30% at the 10/90% points. */
const DEFAULT_BAND: ErrorBand = { q10: -0.3, q90: 0.3, samples: 0 };

/**
 * Calibrates P10/P90 from out-of-sample backtest errors (not from an assumed normal): the 10% and 90%
 * quantiles of log(1 + y) − log(1 + ŷ) of the combined forecast, per horizon bucket (1–7, 8–14,
 * 15–28, 29–56, 57–91, 92+ days) and separately for event-window days, using only days before
 * `cutoff`. Thin buckets borrow from the pooled errors of their kind; bands never narrow with horizon.
 */
export function calibrateIntervals(
  runs: readonly BacktestRun[],
  weights: CombinationWeights,
  cutoff = Infinity,
): IntervalTable {
  const errors = HORIZON_BUCKETS.map(() => ({ peak: [] as number[], ordinary: [] as number[] }));
  for (const run of runs)
    run.days.forEach((day, i) => {
      const actual = run.actual[i];
      if (day >= cutoff || !(actual > 0) || run.closed[i]) return;
      const horizon = day - run.origin + 1;
      const bucket = HORIZON_BUCKETS.findIndex((max) => horizon <= max);
      const error = Math.log1p(actual) - Math.log1p(combineAt(run, weights, i));
      errors[bucket][run.peakDay[i] ? 'peak' : 'ordinary'].push(error);
    });
  const pooled = { peak: errors.flatMap((e) => e.peak), ordinary: errors.flatMap((e) => e.ordinary) };
  const all = [...pooled.peak, ...pooled.ordinary];
  // Split-conformal finite-sample order statistics: the ⌈(n + 1)·0.9⌉-th and ⌊(n + 1)·0.1⌋-th smallest
  // errors instead of the plain 90%/10% quantiles (Lei et al. 2018, "Distribution-free predictive
  // inference for regression"), so thin buckets are not too narrow. Position k ↔ level (k − 1)/(n − 1).
  const band = (values: number[]): ErrorBand => {
    const n = values.length;
    const upper = Math.min(1, (Math.ceil((n + 1) * 0.9) - 1) / (n - 1));
    const lower = Math.max(0, (Math.floor((n + 1) * 0.1) - 1) / (n - 1));
    return {
      q10: Math.min(quantile(values, lower), -0.01),
      q90: Math.max(quantile(values, upper), 0.01),
      samples: n,
    };
  };
  const pick = (values: number[], kind: 'peak' | 'ordinary'): ErrorBand => {
    if (values.length >= MINIMUM_SAMPLES) return band(values);
    if (pooled[kind].length >= MINIMUM_SAMPLES) return band(pooled[kind]);
    if (all.length >= MINIMUM_SAMPLES) return band(all);
    return DEFAULT_BAND;
  };
  const buckets: IntervalTable['buckets'] = [];
  HORIZON_BUCKETS.forEach((maxHorizon, k) => {
    const previous = buckets[k - 1];
    const widen = (current: ErrorBand, before?: ErrorBand): ErrorBand =>
      before
        ? { ...current, q10: Math.min(current.q10, before.q10), q90: Math.max(current.q90, before.q90) }
        : current;
    buckets.push({
      maxHorizon,
      peak: widen(pick(errors[k].peak, 'peak'), previous?.peak),
      ordinary: widen(pick(errors[k].ordinary, 'ordinary'), previous?.ordinary),
    });
  });
  return { buckets, samples: all.length, fallback: all.length < MINIMUM_SAMPLES };
}

/** P10/P50/P90 of a day from its P50, horizon (days after the last history day) and kind. */
export function applyInterval(
  table: IntervalTable,
  p50: number,
  horizon: number,
  peakDay: boolean,
): { p10: number; p50: number; p90: number } {
  if (p50 === 0) return { p10: 0, p50: 0, p90: 0 };
  const bucket =
    table.buckets.find((b) => horizon <= b.maxHorizon) ?? table.buckets[table.buckets.length - 1];
  const { q10, q90 } = peakDay ? bucket.peak : bucket.ordinary;
  return {
    p10: Math.max(0, (1 + p50) * Math.exp(q10) - 1),
    p50,
    p90: (1 + p50) * Math.exp(q90) - 1,
  };
}
