import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';

import { isoDateToDayNumber, type IsoDate } from '../calendar';
import type { DailyObservation } from './daily-history';

/** Offered contacts in one interval, with its local calendar position. */
export interface IntervalObservation {
  /** ISO date-time with offset, as given. */
  start: string;
  /** Epoch milliseconds of the start. */
  startMs: number;
  localDate: IsoDate;
  /** Minutes after local midnight (wall clock) of the start. */
  localMinute: number;
  offered: number;
}

/** The history of one queue read from a CSV file. */
export interface QueueHistory {
  queue: string;
  granularity: 'day' | 'interval';
  /** Daily totals (interval rows summed per local date). */
  daily: DailyObservation[];
  intervals: IntervalObservation[];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const OPTIONAL_COUNTS = ['handled', 'abandoned', 'aht_seconds'] as const;

function count(raw: string | undefined, row: number, column: string, required: boolean): number {
  const text = (raw ?? '').trim();
  if (text === '') {
    if (required) throw new RangeError(`row ${row}: ${column} is empty`);
    return 0;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`row ${row}: ${column} is not a number: "${text}"`);
  if (value < 0) throw new RangeError(`row ${row}: ${column} must be ≥ 0, got ${value}`);
  return value;
}

/**
 * Reads contact history CSV text with a header holding at least `queue,start,offered` (optional
 * `handled,abandoned,aht_seconds,reason`). `start` is `YYYY-MM-DD` for daily data or an ISO date-time
 * with an offset for interval data; interval rows are also summed per local date in `timeZone`.
 * Rows of the same queue and start with different `reason`s are added up.
 * @throws RangeError naming the row (1 = header) and column: no rows, missing column, bad date,
 *   negative or non-numeric count, duplicate timestamp, or daily and interval rows mixed in a queue.
 */
export function parseHistoryCsv(text: string, timeZone = 'Europe/Amsterdam'): Map<string, QueueHistory> {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new RangeError(`input is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new RangeError('input is empty: expected a header queue,start,offered');
  const header = records[0].map((name) => name.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  for (const name of ['queue', 'start', 'offered'])
    if (column(name) < 0)
      throw new RangeError(`row 1: header lacks the column "${name}" (found: ${header.join(',')})`);
  if (records.length === 1) throw new RangeError('input has a header but no rows');
  const queues = new Map<string, QueueHistory & { seen: Set<string>; totals: Map<string, number> }>();
  for (let r = 1; r < records.length; r++) {
    const row = r + 1;
    const cells = records[r];
    const queue = cells[column('queue')];
    if (!queue) throw new RangeError(`row ${row}: queue is empty`);
    const start = cells[column('start')];
    const offered = count(cells[column('offered')], row, 'offered', true);
    for (const name of OPTIONAL_COUNTS) if (column(name) >= 0) count(cells[column(name)], row, name, false);
    const reason = column('reason') >= 0 ? cells[column('reason')] : '';
    let granularity: QueueHistory['granularity'];
    let localDate: IsoDate;
    let interval: IntervalObservation | undefined;
    if (DATE_ONLY.test(start)) {
      isoDateToDayNumber(start, `row ${row}: start`);
      granularity = 'day';
      localDate = start;
    } else {
      const parsed = WITH_OFFSET.test(start) ? DateTime.fromISO(start, { setZone: true }) : undefined;
      if (!parsed?.isValid)
        throw new RangeError(
          `row ${row}: start must be YYYY-MM-DD or an ISO date-time with offset, got "${start}"`,
        );
      const local = parsed.setZone(timeZone);
      if (!local.isValid) throw new RangeError(`timeZone is not a known IANA zone: "${timeZone}"`);
      granularity = 'interval';
      localDate = local.toISODate() as string;
      interval = {
        start,
        startMs: parsed.toMillis(),
        localDate,
        localMinute: local.hour * 60 + local.minute,
        offered,
      };
    }
    let history = queues.get(queue);
    if (!history) {
      history = { queue, granularity, daily: [], intervals: [], seen: new Set(), totals: new Map() };
      queues.set(queue, history);
    }
    if (history.granularity !== granularity)
      throw new RangeError(
        `row ${row}: queue "${queue}" mixes daily and interval rows (mixed granularities)`,
      );
    const key = `${interval ? interval.startMs : start}|${reason}`;
    if (history.seen.has(key))
      throw new RangeError(`row ${row}: duplicate timestamp ${start} for queue "${queue}"`);
    history.seen.add(key);
    history.totals.set(localDate, (history.totals.get(localDate) ?? 0) + offered);
    if (interval) history.intervals.push(interval);
  }
  const result = new Map<string, QueueHistory>();
  for (const [queue, { granularity, intervals, totals }] of queues) {
    const daily = [...totals]
      .map(([date, offered]) => ({ date, offered }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    result.set(queue, { queue, granularity, daily, intervals: mergeReasons(intervals) });
  }
  return result;
}

function mergeReasons(intervals: IntervalObservation[]): IntervalObservation[] {
  const byStart = new Map<number, IntervalObservation>();
  for (const interval of intervals) {
    const existing = byStart.get(interval.startMs);
    if (existing) existing.offered += interval.offered;
    else byStart.set(interval.startMs, { ...interval });
  }
  return [...byStart.values()].sort((a, b) => a.startMs - b.startMs);
}

/**
 * Picks one queue's history: the named one, or the only one in the file.
 * @throws RangeError naming `queue` when it is unknown or when the file has several queues and none is named.
 */
export function selectQueueHistory(
  histories: ReadonlyMap<string, QueueHistory>,
  queue?: string,
): QueueHistory {
  const names = [...histories.keys()];
  if (queue !== undefined) {
    const history = histories.get(queue);
    if (!history) throw new RangeError(`queue "${queue}" is not in the input (queues: ${names.join(', ')})`);
    return history;
  }
  if (names.length !== 1)
    throw new RangeError(`input holds several queues (${names.join(', ')}): pass --queue`);
  return histories.get(names[0]) as QueueHistory;
}
