/* The one row grammar of a contact-history CSV file, used by the `peakplan` command line and by the
 * API's streaming import: header columns, the `start` cell (a day, or an instant with its offset; never
 * in the future, never an impossible offset), whole non-negative counts, AHT and reason. Pure and
 * synchronous, record by record: the caller splits the file and passes the clock in. */
import { DateTime } from 'luxon';

import { daysFromCivil } from '../calendar/iso-date';

/** One problem of a record: its line (1 = the header), the column, and why. */
export interface HistoryRowError {
  row: number;
  field: string;
  reason: string;
}

/** A record that follows the grammar (the queue is only named: who knows which queues exist decides). */
export interface HistoryRow {
  row: number;
  queueName: string;
  /** The ISO date-time with offset of an interval row, or the UTC instant of a daily row's local midnight. */
  timestamp: string;
  startMs: number;
  daily: boolean;
  /** Minutes after the hour of the start as written (interval rows), to check interval alignment. */
  minute: number;
  /** Seconds and fraction are zero (an interval starts on a whole minute). */
  wholeMinute: boolean;
  reason: string;
  offered: number;
  handled: number | null;
  abandoned: number | null;
  ahtSeconds: number | null;
  /** The answer's quality counts, null where the file has no such column or leaves the cell empty. */
  quality: HistoryQuality;
}

/** Optional quality counts of an interval: repeat contacts, transfers, NPS answers, CSAT answers. */
export interface HistoryQuality {
  repeatContacts: number | null;
  transferred: number | null;
  npsPromoters: number | null;
  npsPassives: number | null;
  npsDetractors: number | null;
  csatResponses: number | null;
  csatSatisfied: number | null;
}

/** The quality columns of the file and the field each fills. */
export const QUALITY_COLUMNS: readonly (readonly [string, keyof HistoryQuality])[] = [
  ['repeat', 'repeatContacts'],
  ['transferred', 'transferred'],
  ['nps_promoters', 'npsPromoters'],
  ['nps_passives', 'npsPassives'],
  ['nps_detractors', 'npsDetractors'],
  ['csat_responses', 'csatResponses'],
  ['csat_satisfied', 'csatSatisfied'],
];

/** What the grammar needs to know besides the text: the clock and the organisation's zone. */
export interface HistoryRowContext {
  /** The organisation's local date (`YYYY-MM-DD`); later daily rows are refused. */
  today: string;
  /** The clock (epoch ms); later interval rows are refused (history cannot be in the future). */
  nowMs: number;
  /** A daily row starts at its local midnight in this zone. */
  timeZone: string;
}

/** Thrown for a file-level problem (header, encoding, delimiter): the whole file is refused. */
export class HistoryFileError extends Error {
  constructor(
    message: string,
    readonly details: HistoryRowError[] = [],
  ) {
    super(message);
  }
}

export const REQUIRED_COLUMNS = ['queue', 'start', 'offered'] as const;
export const OPTIONAL_COLUMNS = ['handled', 'abandoned', 'aht_seconds', 'reason'] as const;
const KNOWN_COLUMNS: readonly string[] = [
  ...REQUIRED_COLUMNS,
  ...OPTIONAL_COLUMNS,
  ...QUALITY_COLUMNS.map(([column]) => column),
];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_COUNT = 2_147_483_647;
/** Contact history is younger, and PostgreSQL has no year 0. */
const EARLIEST_YEAR = 1900;

/** Days in each month of a common year; February gets its 29th in leap years. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** A checked `start` cell, kept for the next row: files list several queues per interval in a row. */
interface ParsedStart {
  text: string;
  daily: boolean;
  /** What PostgreSQL gets: the cell itself for an interval, the UTC instant of local midnight for a day. */
  timestamp: string;
  startMs: number;
  minute: number;
  /** Seconds and fraction are zero (an interval starts on a whole minute). */
  wholeMinute: boolean;
}

export class HistoryRowGrammar {
  /** Position of the `queue` and `start` columns in a record. */
  readonly queueColumn: number;
  readonly startColumn: number;
  private readonly offeredIndex: number;
  private readonly handledIndex: number;
  private readonly abandonedIndex: number;
  private readonly ahtIndex: number;
  private readonly reasonIndex: number;
  private readonly qualityIndexes: readonly { column: string; field: keyof HistoryQuality; index: number }[];
  private readonly columnTotal: number;
  private lastStart: ParsedStart | string | undefined;
  private lastStartText = '';
  /** Local midnight of each day seen, as a UTC instant (a daily file has few distinct days). */
  private readonly midnights = new Map<string, { timestamp: string; startMs: number }>();

  private readonly today: string;
  private readonly nowMs: number;
  private readonly timeZone: string;

  /**
   * @param header the first record, as read
   * @throws HistoryFileError when the header lacks a required column, names an unknown one or one twice
   */
  constructor(header: string[], context: HistoryRowContext) {
    ({ today: this.today, nowMs: this.nowMs, timeZone: this.timeZone } = context);
    const names = header.map((name) => name.trim().toLowerCase());
    if (names.length === 1 && /[;\t|]/.test(names[0])) {
      const delimiter = /;/.test(names[0]) ? 'semicolon' : /\t/.test(names[0]) ? 'tab' : 'pipe';
      throw new HistoryFileError(
        `row 1: the header is separated by a ${delimiter}; use commas: queue,start,offered[,handled,abandoned,aht_seconds,reason]`,
        [{ row: 1, field: 'header', reason: `separated by a ${delimiter}, expected commas` }],
      );
    }
    const columns = new Map(names.map((name, index) => [name, index]));
    const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
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
      throw new HistoryFileError(
        `row 1: the header must hold queue,start,offered and optionally handled,abandoned,aht_seconds,reason (found: ${names.join(',').slice(0, 200)})`,
        problems,
      );
    const index = (name: string) => columns.get(name) ?? -1;
    this.queueColumn = index('queue');
    this.startColumn = index('start');
    this.offeredIndex = index('offered');
    this.handledIndex = index('handled');
    this.abandonedIndex = index('abandoned');
    this.ahtIndex = index('aht_seconds');
    this.reasonIndex = index('reason');
    this.qualityIndexes = QUALITY_COLUMNS.map(([column, field]) => ({ column, field, index: index(column) }));
    this.columnTotal = names.length;
  }

  get columnCount(): number {
    return this.columnTotal;
  }

  /** Reads one record; returns the staged row or the list of problems (one per bad column). */
  read(record: string[], row: number): HistoryRow | HistoryRowError[] {
    if (record.length !== this.columnTotal)
      return [
        {
          row,
          field: 'row',
          reason: `expected ${this.columnTotal} columns, found ${record.length}`,
        },
      ];
    const errors: HistoryRowError[] = [];
    const queueName = record[this.queueColumn].trim();
    if (queueName === '') errors.push({ row, field: 'queue', reason: 'is empty' });
    const start = this.checkStart(record[this.startColumn].trim(), row, errors);
    const offered = this.count(record[this.offeredIndex], row, 'offered', true, errors);
    const handled =
      this.handledIndex < 0 ? null : this.count(record[this.handledIndex], row, 'handled', false, errors);
    const abandoned =
      this.abandonedIndex < 0
        ? null
        : this.count(record[this.abandonedIndex], row, 'abandoned', false, errors);
    const ahtText = this.ahtIndex < 0 ? '' : record[this.ahtIndex].trim();
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
      else if (!Number.isFinite(Number(ahtText)))
        errors.push({ row, field: 'aht_seconds', reason: `is too large: ${ahtText.slice(0, 20)}…` });
      else ahtSeconds = Number(ahtText);
    }
    const reason = this.reasonIndex < 0 ? '' : record[this.reasonIndex].trim();
    if (reason.length > 200) errors.push({ row, field: 'reason', reason: 'is longer than 200 characters' });
    const quality = this.readQuality(record, row, offered, errors);
    if (errors.length > 0 || start === null || offered === null) return errors;
    return {
      row,
      queueName,
      timestamp: start.timestamp,
      startMs: start.startMs,
      daily: start.daily,
      minute: start.minute,
      wholeMinute: start.wholeMinute,
      reason,
      offered,
      handled,
      abandoned,
      ahtSeconds,
      quality,
    };
  }

  /** The quality cells: whole counts; repeats and transfers at most the offered, satisfied at most the responses. */
  private readQuality(
    record: string[],
    row: number,
    offered: number | null,
    errors: HistoryRowError[],
  ): HistoryQuality {
    const quality: HistoryQuality = {
      repeatContacts: null,
      transferred: null,
      npsPromoters: null,
      npsPassives: null,
      npsDetractors: null,
      csatResponses: null,
      csatSatisfied: null,
    };
    for (const { column, field, index } of this.qualityIndexes)
      if (index >= 0) quality[field] = this.count(record[index], row, column, false, errors);
    for (const [column, value] of [
      ['repeat', quality.repeatContacts],
      ['transferred', quality.transferred],
    ] as const)
      if (value !== null && offered !== null && value > offered)
        errors.push({ row, field: column, reason: `must not exceed offered (${offered}), got ${value}` });
    if (
      quality.csatSatisfied !== null &&
      quality.csatResponses !== null &&
      quality.csatSatisfied > quality.csatResponses
    )
      errors.push({
        row,
        field: 'csat_satisfied',
        reason: `must not exceed csat_responses (${quality.csatResponses}), got ${quality.csatSatisfied}`,
      });
    else if (quality.csatSatisfied !== null && quality.csatResponses === null)
      errors.push({ row, field: 'csat_responses', reason: 'is empty while csat_satisfied is given' });
    return quality;
  }

  /** The checked start, or null when bad (the error is pushed). */
  private checkStart(start: string, row: number, errors: HistoryRowError[]): ParsedStart | null {
    let parsed: ParsedStart | string;
    if (start === this.lastStartText && this.lastStart !== undefined) parsed = this.lastStart;
    else {
      parsed = this.parseStart(start);
      this.lastStartText = start;
      this.lastStart = parsed;
    }
    if (typeof parsed === 'string') {
      errors.push({ row, field: 'start', reason: parsed });
      return null;
    }
    return parsed;
  }

  /** Parses a `start` cell, or says what is wrong with it. */
  private parseStart(start: string): ParsedStart | string {
    if (start === '') return 'is empty';
    const dateOnly = DATE_ONLY.exec(start);
    if (dateOnly) {
      if (!validDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])))
        return `is not a calendar date: "${start}"`;
      if (Number(dateOnly[1]) < EARLIEST_YEAR) return `${start} is before ${EARLIEST_YEAR}`;
      if (start > this.today) return `${start} is in the future (today is ${this.today})`;
      const midnight = this.localMidnight(start);
      return { text: start, daily: true, ...midnight, minute: 0, wholeMinute: true };
    }
    const dateTime = DATE_TIME.exec(start);
    if (!dateTime)
      return `must be YYYY-MM-DD (a day) or an ISO date-time with offset such as 2026-02-14T09:15:00+01:00, got "${start.slice(0, 40)}"`;
    const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = dateTime;
    const year = Number(yearText);
    const month = Number(monthText);
    const day = Number(dayText);
    const hour = Number(hourText);
    const minute = Number(minuteText);
    const second = secondText === undefined ? 0 : Number(secondText);
    if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
      return `is not a valid date-time: "${start}"`;
    if (year < EARLIEST_YEAR) return `${start} is before ${EARLIEST_YEAR}`;
    let offsetMinutes = 0;
    if (zone !== 'Z') {
      const digits = zone.replace(':', '');
      const offsetHours = Number(digits.slice(1, 3));
      const offsetRest = Number(digits.slice(3, 5));
      // UTC-12:00 to UTC+14:00 are the offsets in use; PostgreSQL refuses beyond ±15:59.
      if (offsetHours > 14 || offsetRest > 59) return `has an impossible UTC offset: "${start}"`;
      offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetRest);
    }
    const fractionMs = fraction === undefined ? 0 : Number(`0${fraction}`) * 1000;
    const startMs =
      daysFromCivil(year, month, day) * 86_400_000 +
      ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
      fractionMs;
    if (startMs > this.nowMs) return `${start} is in the future`;
    return {
      text: start,
      daily: false,
      timestamp: start,
      startMs,
      minute,
      wholeMinute: second === 0 && fractionMs === 0,
    };
  }

  private localMidnight(date: string): { timestamp: string; startMs: number } {
    let midnight = this.midnights.get(date);
    if (!midnight) {
      const local = DateTime.fromISO(date, { zone: this.timeZone }).startOf('day');
      midnight = { timestamp: local.toUTC().toISO()!, startMs: local.toMillis() };
      this.midnights.set(date, midnight);
    }
    return midnight;
  }

  private count(
    cellText: string,
    row: number,
    field: string,
    required: boolean,
    errors: HistoryRowError[],
  ): number | null {
    const text = cellText.trim();
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
