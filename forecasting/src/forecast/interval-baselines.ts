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
