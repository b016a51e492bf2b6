import { dayOfWeek, type IsoDate } from '../calendar';
import { isMonthStart } from './month-start-effect';
import type { IntervalObservation } from './parse-history-csv';

/** Offered contacts per local date and wall-clock quarter-hour (96 slots; 30/60-minute data fills its first). */
export type SlotCounts = Map<IsoDate, Float64Array>;

/** Lays interval history out by local date and quarter-hour. */
export function slotCountsOf(intervals: readonly IntervalObservation[]): SlotCounts {
  const counts: SlotCounts = new Map();
  for (const { localDate, localMinute, offered } of intervals) {
    let day = counts.get(localDate);
    if (!day) counts.set(localDate, (day = new Float64Array(96)));
    day[Math.floor(localMinute / 15)] += offered;
  }
  return counts;
}

/**
 * The spreadsheet baselines of interval forecasting: for a day of weekday w, per quarter-hour, the mean
 * of the last `weeks` days of weekday w with data before `origin` (exclusive): `weeks` = 4 is the
 * "average of the last four same weekdays", `weeks` = 1 is "last week's same interval". A weekday with
 * no data before the origin (a closed day) gets zeros.
 * @example sameWeekdayAverage(counts, sortedDates, '2026-09-01', '2026-09-07', 4) // Float64Array(96)
 */
export function sameWeekdayAverage(
  counts: SlotCounts,
  datesNewestFirst: readonly IsoDate[],
  origin: IsoDate,
  target: IsoDate,
  weeks: number,
): Float64Array {
  const weekday = dayOfWeek(target);
  const result = new Float64Array(96);
  let used = 0;
  for (const date of datesNewestFirst) {
    if (used >= weeks) break;
    if (date >= origin || dayOfWeek(date) !== weekday) continue;
    const day = counts.get(date) as Float64Array;
    for (let q = 0; q < 96; q++) result[q] += day[q];
    used++;
  }
  if (used > 0) for (let q = 0; q < 96; q++) result[q] /= used;
  return result;
}

/** Tuning of {@link recentWeekdayForecast}. */
export interface RecentWeighting {
  /** How many same weekdays back (default 8). */
  weeks: number;
  /** Weight of each older week relative to the next newer one (default 0.7: weights 1, 0.7, 0.49, …). */
  decay: number;
  /** Share of the per-slot shape shrunk toward its smoothed shape (default 0.5). */
  shrinkage: number;
  /**
   * Month-start factor (see monthStartFactor, default 1): each past day's total is divided by it when it
   * was a month-start day, and the target's level multiplied by it when it is one.
   */
  monthStart?: number;
}

export const DEFAULT_RECENT_WEIGHTING: RecentWeighting = { weeks: 8, decay: 0.7, shrinkage: 0.5 };

/**
 * A day's shape smoothed over neighbouring quarter-hours with the kernel (1, 2, 1)/4, only among slots
 * that have contacts (an opening or closing hour never leaks into a closed slot), renormalised to 1.
 * @example smoothShape([0, 0.2, 0.4, 0.4, 0]) // [0, 16/61, 21/61, 24/61, 0] (steps in the spec)
 */
export function smoothShape(shares: ArrayLike<number>): Float64Array {
  const result = new Float64Array(shares.length);
  let total = 0;
  for (let q = 0; q < shares.length; q++) {
    if (shares[q] <= 0) continue;
    let sum = 2 * shares[q];
    let weight = 2;
    for (const n of [q - 1, q + 1])
      if (n >= 0 && n < shares.length && shares[n] > 0) {
        sum += shares[n];
        weight += 1;
      }
    result[q] = sum / weight;
    total += result[q];
  }
  if (total > 0) for (let q = 0; q < shares.length; q++) result[q] /= total;
  return result;
}

/**
 * Exponentially weighted same-weekday forecast: over the last `weeks` days of the target's weekday
 * with data before `origin`, weights 1, decay, decay², … (newest first). The day total is the weighted
 * mean of their totals; the shape is the weighted mean of their shares, shrunk toward its smoothed
 * shape by `shrinkage` (less Poisson noise per slot, recent weeks' drift kept). Zeros without data.
 */
export function recentWeekdayForecast(
  counts: SlotCounts,
  datesNewestFirst: readonly IsoDate[],
  origin: IsoDate,
  target: IsoDate,
  weighting: RecentWeighting = DEFAULT_RECENT_WEIGHTING,
): Float64Array {
  const weekday = dayOfWeek(target);
  const monthStart = weighting.monthStart ?? 1;
  const shares = new Float64Array(96);
  let total = 0;
  let weightSum = 0;
  let weight = 1;
  let used = 0;
  for (const date of datesNewestFirst) {
    if (used >= weighting.weeks) break;
    if (date >= origin || dayOfWeek(date) !== weekday) continue;
    const day = counts.get(date) as Float64Array;
    const dayTotal = day.reduce((sum, value) => sum + value, 0);
    used++;
    if (dayTotal > 0) {
      for (let q = 0; q < 96; q++) shares[q] += (weight * day[q]) / dayTotal;
      total += (weight * dayTotal) / (isMonthStart(date) ? monthStart : 1);
      weightSum += weight;
    }
    weight *= weighting.decay;
  }
  const result = new Float64Array(96);
  if (weightSum === 0) return result;
  const smooth = smoothShape(shares);
  const level = (total / weightSum) * (isMonthStart(target) ? monthStart : 1);
  for (let q = 0; q < 96; q++)
    result[q] =
      (level * ((1 - weighting.shrinkage) * shares[q] + weighting.shrinkage * smooth[q] * weightSum)) /
      weightSum;
  return result;
}

/** How a candidate mixes PeakPlan's spread with a spreadsheet baseline (see INTRADAY_CANDIDATES). */
export interface IntervalMix {
  /** Weight of PeakPlan's spread; the rest goes to the baseline. */
  peakplan: number;
  /**
   * `four-week-shape`: PeakPlan's day total spread with the four-week average's shape;
   * `recent-weighted`: {@link recentWeekdayForecast}; `recent-shape`: PeakPlan's day total in its shape.
   */
  baseline: 'four-week-average' | 'last-week' | 'four-week-shape' | 'recent-weighted' | 'recent-shape';
}

/** The baselines of one day, 96 quarter-hours each. */
export interface DayBaselines {
  fourWeeks: ArrayLike<number>;
  lastWeek: ArrayLike<number>;
  recent: ArrayLike<number>;
}

/**
 * One day's 96 quarter-hour forecasts of a candidate. On an event day a baseline that knows nothing of
 * the peak keeps only its shape, scaled to PeakPlan's day total (the daily model learned the peak), so a
 * blend never drops a Valentine's build-up back to an ordinary week; a closed day is 0.
 */
export function mixIntervals(
  mix: IntervalMix,
  peakplan: ArrayLike<number>,
  baselines: DayBaselines,
  day: { p50: number; closed: boolean; events: readonly string[] },
): Float64Array {
  const result = new Float64Array(96);
  if (day.closed) return result;
  let base: ArrayLike<number> =
    mix.baseline === 'last-week'
      ? baselines.lastWeek
      : mix.baseline === 'recent-weighted' || mix.baseline === 'recent-shape'
        ? baselines.recent
        : baselines.fourWeeks;
  if (mix.baseline === 'four-week-shape' || mix.baseline === 'recent-shape' || day.events.length > 0) {
    let total = 0;
    for (let q = 0; q < 96; q++) total += base[q];
    const scale = total > 0 ? day.p50 / total : 0;
    base = total > 0 ? Float64Array.from({ length: 96 }, (_, q) => base[q] * scale) : peakplan;
  }
  for (let q = 0; q < 96; q++) result[q] = mix.peakplan * peakplan[q] + (1 - mix.peakplan) * base[q];
  return result;
}
