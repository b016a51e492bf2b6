import type { BacktestRun } from './backtest-runs';
import { combineAt, type CombinationWeights } from './component-forecasts';
import { conformalErrorBand, type ErrorBand } from './error-band';

export type { ErrorBand } from './error-band';

/**
 * The error samples behind a band: ordinary days, all event-window days, and the window days with a
 * strong event effect (also counted among the event days). See {@link dayKind}.
 */
export type DayKind = 'ordinary' | 'event' | 'strongEvent';

/** Empirical log-error quantiles per horizon bucket and kind of day. */
export interface IntervalTable {
  buckets: ({ maxHorizon: number } & Record<DayKind, ErrorBand>)[];
  samples: number;
  /** True when there were too few backtest errors and default widths were used. */
  fallback: boolean;
}

const HORIZON_BUCKETS = [7, 14, 28, 56, 91, Infinity];
const KINDS: readonly DayKind[] = ['ordinary', 'event', 'strongEvent'];
const MINIMUM_SAMPLES = 20;
/**
 * An event effect of at least this size in log units (×1.65 or more, ×0.61 or less) makes a window
 * day "strong". The uncertain part of a peak day is its uplift, which varies from year to year, so
 * the relative error grows with the size of the effect: in the backtests of eight seeded demo
 * histories the 10–90% error spread was 0.26–0.32 on window days below this, 0.37–0.41 above it and
 * 0.21 on ordinary days; with one band for all window days the strongest days (effect ≥ 0.75) were
 * covered 70% of the time and the mildest 88%.
 */
export const STRONG_EVENT_EFFECT = 0.5;
/** Used with no backtest errors at all on window days, and on ordinary days of under 28 days of history: ±30%. */
const DEFAULT_BAND: ErrorBand = { q10: -0.3, q90: 0.3, samples: 0 };
/**
 * Ordinary-day bands used without backtest errors, by days of history (the longest length reached).
 * Measured on 2026-12-02: fits on the last 28, 42 and 70 days before weekly origins, forecasting 1–28
 * days ahead, on four fixtures of different makers (synthetic-phone-daily, retail-daily, the call
 * centre's daily totals, demo-history; 96 to 7,390 ordinary days each): the 10% and 90% log errors
 * averaged ±0.197, ±0.161 and ±0.132; the ±0.3 used before covered 88–99% of those days.
 */
const SHORT_HISTORY_BANDS: readonly { days: number; band: ErrorBand }[] = [
  { days: 70, band: { q10: -0.13, q90: 0.13, samples: 0 } },
  { days: 42, band: { q10: -0.16, q90: 0.16, samples: 0 } },
  { days: 28, band: { q10: -0.2, q90: 0.2, samples: 0 } },
];

/** The band without backtest errors: by history length on ordinary days, ±30% on window days. */
export function defaultBand(kind: DayKind, historyDays: number): ErrorBand {
  if (kind !== 'ordinary') return DEFAULT_BAND;
  return SHORT_HISTORY_BANDS.find((entry) => historyDays >= entry.days)?.band ?? DEFAULT_BAND;
}

/** Which band a day gets: ordinary (no event window), event (a window day), or strong event. */
export function dayKind(eventEffect: number | undefined): DayKind {
  if (eventEffect === undefined) return 'ordinary';
  return Math.abs(eventEffect) >= STRONG_EVENT_EFFECT ? 'strongEvent' : 'event';
}

/**
 * Calibrates P10/P90 from out-of-sample backtest errors (not from an assumed normal): the 10% and 90%
 * quantiles of log(1 + y) − log(1 + ŷ) of the combined forecast, per horizon bucket (1–7, 8–14,
 * 15–28, 29–56, 57–91, 92+ days), separately for ordinary and event-window days, using only days
 * before `cutoff`. Window days whose event effect (learned by the fit at that origin) is strong also
 * get the quantiles of the strong days alone, pooled over events so they rest on many occurrences,
 * but never a narrower band than all window days: the top of a peak only ever widens. Thin buckets
 * borrow from the pooled errors of their kind, then of all window days, then of all days, then the
 * {@link defaultBand} of a history of `historyDays` days; bands never narrow with horizon.
 */
export function calibrateIntervals(
  runs: readonly BacktestRun[],
  weights: CombinationWeights,
  cutoff = Infinity,
  historyDays = 0,
): IntervalTable {
  const errors = HORIZON_BUCKETS.map(
    () => ({ ordinary: [], event: [], strongEvent: [] }) as Record<DayKind, number[]>,
  );
  for (const run of runs)
    run.days.forEach((day, i) => {
      const actual = run.actual[i];
      if (day >= cutoff || !(actual > 0) || run.closed[i]) return;
      const horizon = day - run.origin + 1;
      const bucket = HORIZON_BUCKETS.findIndex((max) => horizon <= max);
      const error = Math.log1p(actual) - Math.log1p(combineAt(run, weights, i));
      const kind = dayKind(run.eventEffect[i]);
      // Every window day counts among the event days; strong ones also form their own sample.
      errors[bucket][kind === 'ordinary' ? 'ordinary' : 'event'].push(error);
      if (kind === 'strongEvent') errors[bucket].strongEvent.push(error);
    });
  const pooled = Object.fromEntries(KINDS.map((kind) => [kind, errors.flatMap((e) => e[kind])])) as Record<
    DayKind,
    number[]
  >;
  const all = [...pooled.ordinary, ...pooled.event];
  const pick = (values: number[], kind: DayKind): ErrorBand => {
    const fallbacks = [values, pooled[kind], ...(kind === 'strongEvent' ? [pooled.event] : []), all];
    const enough = fallbacks.find((sample) => sample.length >= MINIMUM_SAMPLES);
    return enough ? conformalErrorBand(enough) : defaultBand(kind, historyDays);
  };
  const widen = (current: ErrorBand, narrowest?: ErrorBand): ErrorBand =>
    narrowest
      ? { ...current, q10: Math.min(current.q10, narrowest.q10), q90: Math.max(current.q90, narrowest.q90) }
      : current;
  const buckets: IntervalTable['buckets'] = [];
  HORIZON_BUCKETS.forEach((maxHorizon, k) => {
    const previous = buckets[k - 1];
    const ordinary = widen(pick(errors[k].ordinary, 'ordinary'), previous?.ordinary);
    const event = widen(pick(errors[k].event, 'event'), previous?.event);
    const strongEvent = widen(
      widen(pick(errors[k].strongEvent, 'strongEvent'), previous?.strongEvent),
      event,
    );
    buckets.push({ maxHorizon, ordinary, event, strongEvent });
  });
  return { buckets, samples: all.length, fallback: all.length < MINIMUM_SAMPLES };
}

/**
 * P10/P50/P90 of a day from its P50, horizon (days after the last history day) and the event effect
 * of its window in log units (undefined on an ordinary day).
 */
export function applyInterval(
  table: IntervalTable,
  p50: number,
  horizon: number,
  eventEffect: number | undefined,
): { p10: number; p50: number; p90: number } {
  if (p50 === 0) return { p10: 0, p50: 0, p90: 0 };
  const bucket =
    table.buckets.find((b) => horizon <= b.maxHorizon) ?? table.buckets[table.buckets.length - 1];
  const { q10, q90 } = bucket[dayKind(eventEffect)];
  return {
    p10: Math.max(0, (1 + p50) * Math.exp(q10) - 1),
    p50,
    p90: (1 + p50) * Math.exp(q90) - 1,
  };
}
