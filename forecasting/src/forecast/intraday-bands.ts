import type { IsoDate } from '../calendar';
import { expectedCoverageErrorBand as bandOf, type ErrorBand } from './error-band';

/** Interval (or day-total) bands by horizon week (1..4, the 4th also for later weeks), from log((a + 1)/(f + 1)). */
export interface IntradayBandTable {
  weeks: ErrorBand[];
  /**
   * True when too few out-of-sample days: the daily model's band of the day widened by Poisson noise is
   * used instead, blended with `weeks` (then the band pooled over the few days there are) n : 20.
   */
  fallback: boolean;
  /** With a fallback: the days of errors behind `weeks` (absent or 0: no errors, the prior alone). */
  days?: number;
}

/** The daily model's band of a day relative to its P50: P10/P50 and P90/P50 (1 and 1 when unknown). */
export interface DayBandShare {
  low: number;
  high: number;
  /** False when the daily model had no backtest errors and its band is a default width. */
  calibrated: boolean;
}

/** Out-of-sample errors log((a + 1)/(f + 1)) of the intraday forecast by horizon week (index 0..3). */
export interface IntradayErrors {
  /** Per interval (intervals with a forecast or contacts). */
  intervals: number[][];
  /** Per day total (days with a forecast or contacts): one per day, so also how many days lie behind `intervals`. */
  days: number[][];
}

/**
 * Fewer out-of-sample days than this and the bands fall back. Counted in days, not intervals: the
 * forty to ninety intervals of one day share that day's total error, so 200 intervals are only a few
 * independent days (one event week in the sample made a whole horizon week's band).
 */
export const MINIMUM_BAND_DAYS = 20;
/**
 * Days of errors that weigh as much as the prior band: the daily model's band in a day-total band, the
 * fallback's (daily band and Poisson noise) below {@link MINIMUM_BAND_DAYS} days.
 */
const DAY_PRIOR_DAYS = 20;
/** A horizon week needs this many intervals besides its days before it gets its own interval band. */
const MINIMUM_INTERVAL_ERRORS = 200;
/** z of the 90% point of a normal distribution: Poisson noise at P10/P90. */
const Z90 = 1.2816;

/** One forecast day's out-of-sample errors: its total's, and its intervals' (with a forecast or contacts). */
export interface DayErrors {
  date: IsoDate;
  /** Horizon week index 0..3. */
  week: number;
  day: number;
  intervals: number[];
}

/** The errors of the days before `origin` (exclusive), by horizon week. */
export function errorsBefore(seen: readonly DayErrors[], origin: IsoDate): IntradayErrors {
  const errors: IntradayErrors = { intervals: [[], [], [], []], days: [[], [], [], []] };
  for (const record of seen) {
    if (record.date >= origin) continue;
    errors.days[record.week].push(record.day);
    for (const error of record.intervals) errors.intervals[record.week].push(error);
  }
  return errors;
}

/** Horizon week index 0..3 of a horizon day (1 = the first day forecast). */
export function horizonWeek(horizonDay: number): number {
  return Math.min(3, Math.max(0, Math.floor((horizonDay - 1) / 7)));
}

/**
 * Interval and day-total bands by horizon week from the out-of-sample errors, at the order statistics
 * whose expected coverage is 80% (see expectedCoverageErrorBand: the conservative conformal positions
 * expect 84% from 24 days, too near the aim's 85% top once errors drift). A week gets its own band when
 * at least {@link MINIMUM_BAND_DAYS} days (and 200 intervals) of errors lie behind it, else the band
 * pooled over all weeks; bands never narrow with the horizon (a later week is at least as uncertain as
 * an earlier one). With fewer days in all, both tables fall back, holding the band pooled over the
 * days there are (at least 2) for the fallback to weigh n : 20 against its prior (see intervalBand).
 */
export function calibrateIntradayBands(errors: IntradayErrors): {
  bands: IntradayBandTable;
  dayBands: IntradayBandTable;
} {
  const allDays = errors.days.flat();
  if (allDays.length < MINIMUM_BAND_DAYS) {
    const allIntervals = errors.intervals.flat();
    if (allDays.length < 2 || allIntervals.length < 2)
      return { bands: { weeks: [], fallback: true }, dayBands: { weeks: [], fallback: true } };
    // Too few days for a band of their own, and for one per week: the pooled band, which the fallback
    // weighs n : 20 against its prior (see intervalBand).
    const few = (band: ErrorBand): IntradayBandTable => ({
      weeks: [band, band, band, band],
      fallback: true,
      days: allDays.length,
    });
    return { bands: few(bandOf(allIntervals)), dayBands: few(bandOf(allDays)) };
  }
  const pooledDays = bandOf(allDays);
  const pooledIntervals = bandOf(errors.intervals.flat());
  const intervalWeeks: ErrorBand[] = [];
  const dayWeeks: ErrorBand[] = [];
  errors.days.forEach((days, week) => {
    const enoughDays = days.length >= MINIMUM_BAND_DAYS;
    const intervals = errors.intervals[week];
    const interval =
      enoughDays && intervals.length >= MINIMUM_INTERVAL_ERRORS ? bandOf(intervals) : pooledIntervals;
    intervalWeeks.push(widen(interval, intervalWeeks[week - 1]));
    dayWeeks.push(widen(enoughDays ? bandOf(days) : pooledDays, dayWeeks[week - 1]));
  });
  return { bands: { weeks: intervalWeeks, fallback: false }, dayBands: { weeks: dayWeeks, fallback: false } };
}

function widen(band: ErrorBand, narrowest: ErrorBand | undefined): ErrorBand {
  if (!narrowest) return band;
  return { ...band, q10: Math.min(band.q10, narrowest.q10), q90: Math.max(band.q90, narrowest.q90) };
}

/**
 * P10/P90 of an interval (or a day total) forecast `forecast`, `horizonDay` days ahead: the calibrated
 * band (f + 1)·e^q − 1 of its horizon week; without a calibrated table, the day's band share combined
 * with Poisson noise as independent parts, f ∓ √((f·(1 − low))² + 1.2816²·f) and f + √((f·(high − 1))² +
 * 1.2816²·f), where low/high are the daily model's P10/P50 and P90/P50 of the day (its calibrated band,
 * or its default ±30% on a short history).
 *
 * With 0 < n < 20 days of out-of-sample errors (a fallback table with `days`), that band is the prior
 * and the few days' pooled band the evidence, combined in log units with weight n/(n + 20) for the
 * evidence: q = w·q_observed + (1 − w)·log((P_prior + 1)/(f + 1)). The same rule as the day total's
 * (dayTotalBand: 20 days of errors weigh as much as the daily model's band), so the weight grows from 0
 * with no errors towards the calibrated band's own: a week of errors moves the band a quarter of the
 * way instead of being ignored, and a few days of errors (correlated, often from one stretch of
 * ordinary days) cannot replace the prior on their own. At 20 days the table calibrates.
 * @example intervalBand({ weeks: [], fallback: true }, 9, 1) // Poisson only: 9 ∓ 1.2816·3
 */
export function intervalBand(
  bands: IntradayBandTable,
  forecast: number,
  horizonDay: number,
  dayShare: DayBandShare = { low: 1, high: 1, calibrated: false },
): { p10: number; p90: number } {
  if (bands.fallback) {
    const poisson = Z90 ** 2 * forecast;
    const lower = Math.sqrt((forecast * (1 - dayShare.low)) ** 2 + poisson);
    const upper = Math.sqrt((forecast * (dayShare.high - 1)) ** 2 + poisson);
    const prior = { p10: Math.max(0, forecast - lower), p90: forecast + upper };
    const days = bands.days ?? 0;
    if (days <= 0 || bands.weeks.length === 0) return prior;
    return blendWithPrior(
      forecast,
      bands.weeks[horizonWeek(horizonDay)],
      days / (days + DAY_PRIOR_DAYS),
      prior,
    );
  }
  const band = bands.weeks[horizonWeek(horizonDay)];
  return {
    p10: Math.max(0, (forecast + 1) * Math.exp(band.q10) - 1),
    p90: (forecast + 1) * Math.exp(band.q90) - 1,
  };
}

/**
 * P10/P90 of the intraday forecast's day total F: in log units, the calibrated day band of its horizon
 * week (n days behind it) and the daily model's band of the day, log((F·low + 1)/(F + 1)) and
 * log((F·high + 1)/(F + 1)), weighted n : 20. The daily model's band rests on years of backtests but
 * not on this forecaster's recent days, the intraday backtest's on a few weeks: 20 days of errors count
 * as much as the daily model's band (the same weight as MINIMUM_BAND_DAYS), many weeks of them more;
 * a default-width daily band (no daily backtest) weighs nothing.
 * Without a day table (fewer than 20 days), the fallback of {@link intervalBand}, blended n : 20 the same way.
 * @example dayTotalBand(table with week 1 { q10: -0.1, q90: 0.1, samples: 20 }, 99, 1, { low: 0.8, high: 1.2 })
 * // q10 = (−0.1 + log(80.2/100))/2 = −0.16033…, so P10 = 100·e^q10 − 1 = 84.19…
 */
export function dayTotalBand(
  dayBands: IntradayBandTable,
  forecast: number,
  horizonDay: number,
  dayShare: DayBandShare,
): { p10: number; p90: number } {
  if (dayBands.fallback) return intervalBand(dayBands, forecast, horizonDay, dayShare);
  const band = dayBands.weeks[horizonWeek(horizonDay)];
  const weight = dayShare.calibrated ? band.samples / (band.samples + DAY_PRIOR_DAYS) : 1;
  return blendWithPrior(forecast, band, weight, {
    p10: forecast * dayShare.low,
    p90: forecast * dayShare.high,
  });
}

/**
 * P10/P90 around forecast f from an error band (log units) weighed `weight` against a prior band given in
 * counts, combined in log units: q = w·q_band + (1 − w)·log((P_prior + 1)/(f + 1)), then (f + 1)·e^q − 1.
 */
function blendWithPrior(
  forecast: number,
  band: ErrorBand,
  weight: number,
  prior: { p10: number; p90: number },
): { p10: number; p90: number } {
  const log = (value: number) => Math.log((value + 1) / (forecast + 1));
  const q10 = weight * band.q10 + (1 - weight) * log(prior.p10);
  const q90 = weight * band.q90 + (1 - weight) * log(prior.p90);
  return {
    p10: Math.max(0, (forecast + 1) * Math.exp(q10) - 1),
    p90: (forecast + 1) * Math.exp(q90) - 1,
  };
}

/** The share of a daily forecast's band: P10/P50 and P90/P50 (1 and 1 for a day forecast 0). */
export function dayBandShare(
  day: { p10: number; p50: number; p90: number },
  calibrated: boolean,
): DayBandShare {
  return day.p50 > 0
    ? { low: day.p10 / day.p50, high: day.p90 / day.p50, calibrated }
    : { low: 1, high: 1, calibrated };
}
