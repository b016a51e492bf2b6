import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';

import type { IsoDate } from '../calendar';
import { HistoryFileError, HistoryRowGrammar } from '../history-csv';
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

/**
 * Reads contact history CSV text with the one row grammar of {@link HistoryRowGrammar} (the API's import
 * reads the same files): a header holding `queue,start,offered` and optionally
 * `handled,abandoned,aht_seconds,reason`; `start` is `YYYY-MM-DD` for daily data or an ISO date-time with
 * an offset for interval data; interval rows are also summed per local date in `timeZone`. Rows of the
 * same queue and start with different `reason`s are added up. Rows after `nowMs` (when given) are refused.
 * @throws RangeError naming the row (1 = header) and column: no rows, bad header, bad date, a future or
 *   impossible start, a negative or non-whole count, duplicate timestamp, or daily and interval rows mixed.
 */
export function parseHistoryCsv(
  text: string,
  timeZone = 'Europe/Amsterdam',
  nowMs = Number.POSITIVE_INFINITY,
): Map<string, QueueHistory> {
  if (!DateTime.local().setZone(timeZone).isValid)
    throw new RangeError(`timeZone is not a known IANA zone: "${timeZone}"`);
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new RangeError(`input is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new RangeError('input is empty: expected a header queue,start,offered');
  const today = Number.isFinite(nowMs)
    ? (DateTime.fromMillis(nowMs, { zone: timeZone }).toISODate() as string)
    : '9999-12-31';
  let grammar: HistoryRowGrammar;
  try {
    grammar = new HistoryRowGrammar(records[0], { today, nowMs, timeZone });
  } catch (error) {
    if (error instanceof HistoryFileError) throw new RangeError(error.message);
    throw error;
  }
  if (records.length === 1) throw new RangeError('input has a header but no rows');
  const queues = new Map<string, QueueHistory & { seen: Set<string>; totals: Map<string, number> }>();
  for (let r = 1; r < records.length; r++) {
    const read = grammar.read(records[r], r + 1);
    if (Array.isArray(read))
      throw new RangeError(
        read.map((error) => `row ${error.row}: ${error.field} ${error.reason}`).join('; '),
      );
    const { queueName: queue, row, offered, reason } = read;
    const granularity: QueueHistory['granularity'] = read.daily ? 'day' : 'interval';
    let localDate: IsoDate;
    let interval: IntervalObservation | undefined;
    if (read.daily) localDate = records[r][grammar.startColumn].trim();
    else {
      const local = DateTime.fromMillis(read.startMs, { zone: timeZone });
      localDate = local.toISODate() as string;
      interval = {
        start: read.timestamp,
        startMs: read.startMs,
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
    const key = `${read.startMs}|${reason}`;
    if (history.seen.has(key))
      throw new RangeError(`row ${row}: duplicate timestamp ${read.timestamp} for queue "${queue}"`);
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
