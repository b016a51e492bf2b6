/* Turns one CSV record of contact history into a row for the staging table, or says what is wrong with
 * it (row, column, reason). Pure and synchronous: the import streams records through it one by one. */

export interface ImportRowError {
  /** Line number in the file (1 = the header). */
  row: number;
  field: string;
  reason: string;
}

export interface HistoryImportQueue {
  id: string;
  name: string;
  intervalMinutes: number;
}

export interface StagedHistoryRow {
  row: number;
  queueId: string;
  /** `YYYY-MM-DD` (daily row) or an ISO date-time with offset (interval row). */
  start: string;
  daily: boolean;
  intervalMinutes: number;
  reason: string;
  offered: number;
  handled: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
}

export const REQUIRED_COLUMNS = ['queue', 'start', 'offered'] as const;
export const OPTIONAL_COLUMNS = ['handled', 'abandoned', 'aht_seconds', 'reason'] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_COUNT = 2_147_483_647;

/** Thrown for a file-level problem (header, encoding, delimiter): the whole file is refused. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly details: ImportRowError[] = [],
  ) {
    super(message);
  }
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export class HistoryRowReader {
  private readonly columns: Map<string, number>;
  private readonly queuesByName: Map<string, HistoryImportQueue>;

  /**
   * @param header the first record, as read
   * @param today the organisation's local date (`YYYY-MM-DD`); later daily rows are refused
   * @param nowMs the clock; later interval rows are refused (history cannot be in the future)
   * @throws ImportFileError when the header lacks a required column or names an unknown one
   */
  constructor(
    header: string[],
    queues: readonly HistoryImportQueue[],
    private readonly today: string,
    private readonly nowMs: number,
  ) {
    const names = header.map((name) => name.trim().toLowerCase());
    if (names.length === 1 && /[;\t|]/.test(names[0])) {
      const delimiter = /;/.test(names[0]) ? 'semicolon' : /\t/.test(names[0]) ? 'tab' : 'pipe';
      throw new ImportFileError(
        `row 1: the header is separated by a ${delimiter}; use commas: queue,start,offered[,handled,abandoned,aht_seconds,reason]`,
        [{ row: 1, field: 'header', reason: `separated by a ${delimiter}, expected commas` }],
      );
    }
    this.columns = new Map(names.map((name, index) => [name, index]));
    const missing = REQUIRED_COLUMNS.filter((name) => !this.columns.has(name));
    const unknown = names.filter((name) => !KNOWN_COLUMNS.includes(name));
    const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
    const problems = [
      ...missing.map((name) => ({ row: 1, field: name, reason: 'required column is missing' })),
      ...unknown.map((name) => ({
        row: 1,
        field: name,
        reason: `unknown column; expected ${KNOWN_COLUMNS.join(', ')}`,
      })),
      ...duplicated.map((name) => ({ row: 1, field: name, reason: 'column appears twice' })),
    ];
    if (problems.length > 0)
      throw new ImportFileError(
        `row 1: the header must hold queue,start,offered and optionally handled,abandoned,aht_seconds,reason (found: ${names.join(',').slice(0, 200)})`,
        problems,
      );
    this.queuesByName = new Map(
      [...queues]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((queue) => [queue.name.toLowerCase(), queue]),
    );
  }

  get columnCount(): number {
    return this.columns.size;
  }

  /** Reads one record; returns the staged row or the list of problems (one per bad column). */
  read(record: string[], row: number): StagedHistoryRow | ImportRowError[] {
    if (record.length !== this.columns.size)
      return [
        {
          row,
          field: 'row',
          reason: `expected ${this.columns.size} columns, found ${record.length}`,
        },
      ];
    const errors: ImportRowError[] = [];
    const cell = (name: string) => {
      const index = this.columns.get(name);
      return index === undefined ? '' : record[index].trim();
    };
    const queueName = cell('queue');
    const queue = this.queuesByName.get(queueName.toLowerCase());
    if (queueName === '') errors.push({ row, field: 'queue', reason: 'is empty' });
    else if (!queue)
      errors.push({
        row,
        field: 'queue',
        reason: `unknown queue "${queueName.slice(0, 60)}" (known: ${[...this.queuesByName.values()].map((q) => q.name).join(', ')})`,
      });
    const start = cell('start');
    const daily = this.checkStart(start, row, queue, errors);
    const offered = this.count(cell('offered'), row, 'offered', true, errors);
    const handled = this.count(cell('handled'), row, 'handled', false, errors);
    const abandoned = this.count(cell('abandoned'), row, 'abandoned', false, errors);
    const ahtText = cell('aht_seconds');
    let ahtSeconds: number | null = null;
    if (ahtText !== '') {
      if (!DECIMAL.test(ahtText))
        errors.push({
          row,
          field: 'aht_seconds',
          reason: ahtText.startsWith('-')
            ? `must be ≥ 0, got ${ahtText}`
            : `is not a number: "${ahtText.slice(0, 40)}"`,
        });
      else ahtSeconds = Number(ahtText);
    }
    const reason = cell('reason');
    if (reason.length > 200) errors.push({ row, field: 'reason', reason: 'is longer than 200 characters' });
    if (errors.length > 0 || !queue || daily === null || offered === null) return errors;
    return {
      row,
      queueId: queue.id,
      start,
      daily,
      intervalMinutes: daily ? 1440 : queue.intervalMinutes,
      reason,
      offered,
      handled,
      abandoned,
      ahtSeconds,
    };
  }

  /** true for a daily row, false for an interval row, null when bad (the error is pushed). */
  private checkStart(
    start: string,
    row: number,
    queue: HistoryImportQueue | undefined,
    errors: ImportRowError[],
  ): boolean | null {
    const bad = (reason: string) => {
      errors.push({ row, field: 'start', reason });
      return null;
    };
    if (start === '') return bad('is empty');
    const dateOnly = DATE_ONLY.exec(start);
    if (dateOnly) {
      if (!validDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])))
        return bad(`is not a calendar date: "${start}"`);
      if (start > this.today) return bad(`${start} is in the future (today is ${this.today})`);
      return true;
    }
    const dateTime = DATE_TIME.exec(start);
    if (!dateTime)
      return bad(
        `must be YYYY-MM-DD (a day) or an ISO date-time with offset such as 2026-02-14T09:15:00+01:00, got "${start.slice(0, 40)}"`,
      );
    const [, year, month, day, hour, minute, second = '00'] = dateTime;
    if (!validDate(Number(year), Number(month), Number(day)) || Number(hour) > 23 || Number(minute) > 59)
      return bad(`is not a valid date-time: "${start}"`);
    const startMs = Date.parse(start);
    if (Number.isNaN(startMs)) return bad(`is not a valid date-time: "${start}"`);
    if (startMs > this.nowMs) return bad(`${start} is in the future`);
    if (queue && (Number(second) !== 0 || Number(minute) % queue.intervalMinutes !== 0))
      return bad(
        `${start} does not start a ${queue.intervalMinutes}-minute interval of queue "${queue.name}"`,
      );
    return false;
  }

  private count(
    text: string,
    row: number,
    field: string,
    required: boolean,
    errors: ImportRowError[],
  ): number | null {
    if (text === '') {
      if (required) errors.push({ row, field, reason: 'is empty' });
      return null;
    }
    if (!WHOLE_NUMBER.test(text)) {
      errors.push({
        row,
        field,
        reason: /^-\d+(\.\d+)?$/.test(text)
          ? `must be ≥ 0, got ${text}`
          : `must be a whole number, got "${text.slice(0, 40)}"`,
      });
      return null;
    }
    const value = Number(text);
    if (value > MAX_COUNT) {
      errors.push({ row, field, reason: `is too large: ${text.slice(0, 20)}` });
      return null;
    }
    return value;
  }
}
