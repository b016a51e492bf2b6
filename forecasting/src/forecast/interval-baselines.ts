import { dayOfWeek, type IsoDate } from '../calendar';
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

/** How a candidate mixes PeakPlan's spread with a spreadsheet baseline (see INTRADAY_CANDIDATES). */
export interface IntervalMix {
  /** Weight of PeakPlan's spread; the rest goes to the baseline. */
  peakplan: number;
  /** `four-week-shape`: PeakPlan's day total spread with the four-week average's shape. */
  baseline: 'four-week-average' | 'last-week' | 'four-week-shape';
}

/**
 * One day's 96 quarter-hour forecasts of a candidate. On an event day a baseline that knows nothing of
 * the peak keeps only its shape, scaled to PeakPlan's day total (the daily model learned the peak), so a
 * blend never drops a Valentine's build-up back to an ordinary week; a closed day is 0.
 */
export function mixIntervals(
  mix: IntervalMix,
  peakplan: ArrayLike<number>,
  fourWeeks: ArrayLike<number>,
  lastWeek: ArrayLike<number>,
  day: { p50: number; closed: boolean; events: readonly string[] },
): Float64Array {
  const result = new Float64Array(96);
  if (day.closed) return result;
  let base: ArrayLike<number> = mix.baseline === 'last-week' ? lastWeek : fourWeeks;
  if (mix.baseline === 'four-week-shape' || day.events.length > 0) {
    let total = 0;
    for (let q = 0; q < 96; q++) total += base[q];
    const scale = total > 0 ? day.p50 / total : 0;
    base = total > 0 ? Float64Array.from({ length: 96 }, (_, q) => base[q] * scale) : peakplan;
  }
  for (let q = 0; q < 96; q++) result[q] = mix.peakplan * peakplan[q] + (1 - mix.peakplan) * base[q];
  return result;
}
