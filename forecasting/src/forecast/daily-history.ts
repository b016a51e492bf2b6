import { dayNumberToIsoDate, isoDateToDayNumber, type IsoDate } from '../calendar';

/** Offered contacts of one queue on one day (local calendar date of the organisation). */
export interface DailyObservation {
  date: IsoDate;
  offered: number;
}

/** A history laid out on consecutive days; `NaN` marks a day with no data (a gap). */
export interface DenseDailySeries {
  /** Day number (days since 1970-01-01) of `values[0]`. */
  startDay: number;
  values: Float64Array;
  /** Gaps as inclusive date ranges, for reporting. */
  gaps: { from: IsoDate; to: IsoDate }[];
}

/**
 * Validates a daily history and lays it on a dense day axis.
 * @throws TypeError/RangeError naming `history[i]` for a bad date, a negative or non-numeric count,
 *   or a duplicated date; RangeError when the history is empty.
 */
export function toDenseSeries(history: readonly DailyObservation[]): DenseDailySeries {
  if (!Array.isArray(history)) throw new TypeError('history must be an array of { date, offered }');
  if (history.length === 0) throw new RangeError('history must not be empty');
  const days = new Int32Array(history.length);
  let first = Infinity;
  let last = -Infinity;
  history.forEach((row, index) => {
    if (row === null || typeof row !== 'object') throw new TypeError(`history[${index}] must be an object`);
    const day = isoDateToDayNumber(row.date, `history[${index}].date`);
    if (typeof row.offered !== 'number' || !Number.isFinite(row.offered))
      throw new TypeError(`history[${index}].offered must be a finite number, got ${String(row.offered)}`);
    if (row.offered < 0) throw new RangeError(`history[${index}].offered must be ≥ 0, got ${row.offered}`);
    days[index] = day;
    first = Math.min(first, day);
    last = Math.max(last, day);
  });
  const values = new Float64Array(last - first + 1).fill(Number.NaN);
  history.forEach((row, index) => {
    const slot = days[index] - first;
    if (!Number.isNaN(values[slot])) throw new RangeError(`history[${index}].date ${row.date} is duplicated`);
    values[slot] = row.offered;
  });
  const gaps: { from: IsoDate; to: IsoDate }[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) continue;
    let j = i;
    while (j + 1 < values.length && Number.isNaN(values[j + 1])) j++;
    gaps.push({ from: dayNumberToIsoDate(first + i), to: dayNumberToIsoDate(first + j) });
    i = j;
  }
  return { startDay: first, values, gaps };
}
