/* Turns one CSV record of contact history into a row for the staging table, or says what is wrong with
 * it (row, column, reason). The row grammar is forecasting's (the command line reads the same files);
 * this adds what only the API knows: the organisation's queues and their interval lengths. Pure and
 * synchronous: the import streams records through it one by one. */
import {
  HistoryFileError,
  type HistoryQuality,
  HistoryRowGrammar,
  type HistoryRowError,
} from '@peakplan/forecasting';
import { ambiguousQueueReason, QueuesByName } from '../common/queues-by-name';

export { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from '@peakplan/forecasting';

export type ImportRowError = HistoryRowError;
/** Thrown for a file-level problem (header, encoding, delimiter): the whole file is refused. */
export const ImportFileError = HistoryFileError;
export type ImportFileError = HistoryFileError;

export interface HistoryImportQueue {
  id: string;
  name: string;
  intervalMinutes: number;
}

export interface StagedHistoryRow {
  row: number;
  queueId: string;
  queueName: string;
  /** For PostgreSQL: the ISO date-time with offset of an interval row, or the UTC instant of a daily
   * row's local midnight. */
  start: string;
  startMs: number;
  daily: boolean;
  intervalMinutes: number;
  reason: string;
  offered: number;
  handled: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
  quality: HistoryQuality;
}

export class HistoryRowReader {
  private readonly grammar: HistoryRowGrammar;
  private readonly queues: QueuesByName<HistoryImportQueue>;

  /**
   * @param header the first record, as read
   * @param today the organisation's local date (`YYYY-MM-DD`); later daily rows are refused
   * @param nowMs the clock; later interval rows are refused (history cannot be in the future)
   * @param timeZone the organisation's zone: a daily row starts at its local midnight
   * @throws ImportFileError when the header lacks a required column or names an unknown one
   */
  constructor(
    header: string[],
    queues: readonly HistoryImportQueue[],
    today: string,
    nowMs: number,
    timeZone: string,
  ) {
    this.grammar = new HistoryRowGrammar(header, { today, nowMs, timeZone });
    this.queues = new QueuesByName([...queues].sort((a, b) => (a.name < b.name ? -1 : 1)));
  }

  get columnCount(): number {
    return this.grammar.columnCount;
  }

  /** Reads one record; returns the staged row or the list of problems (one per bad column). */
  read(record: string[], row: number): StagedHistoryRow | ImportRowError[] {
    const read = this.grammar.read(record, row);
    const errors = Array.isArray(read) ? read : [];
    const queueName = Array.isArray(read) ? this.queueCell(record) : read.queueName;
    const matches = this.queues.matches(queueName);
    const queue = matches.length === 1 ? matches[0] : undefined;
    if (queueName !== '' && !queue && !errors.some((error) => error.field === 'row'))
      errors.unshift({
        row,
        field: 'queue',
        reason:
          matches.length > 1
            ? ambiguousQueueReason(queueName, matches)
            : `unknown queue "${queueName.slice(0, 60)}" (known: ${this.queues.names().join(', ')})`,
      });
    if (Array.isArray(read) || !queue) return errors;
    if (!read.daily && (!read.wholeMinute || read.minute % queue.intervalMinutes !== 0))
      return [
        {
          row,
          field: 'start',
          reason: `${record[this.grammar.startColumn].trim()} does not start a ${queue.intervalMinutes}-minute interval of queue "${queue.name}"`,
        },
      ];
    return {
      row,
      queueId: queue.id,
      queueName: queue.name,
      start: read.timestamp,
      startMs: read.startMs,
      daily: read.daily,
      intervalMinutes: read.daily ? 1440 : queue.intervalMinutes,
      reason: read.reason,
      offered: read.offered,
      handled: read.handled,
      abandoned: read.abandoned,
      ahtSeconds: read.ahtSeconds,
      quality: read.quality,
    };
  }

  private queueCell(record: string[]): string {
    return (record[this.grammar.queueColumn] ?? '').trim();
  }
}
