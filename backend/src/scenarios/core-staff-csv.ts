/* Turns one CSV record of uploaded core staff (`queue,start,agents`) into a row for a scenario, or says
 * what is wrong with it (row, field, reason). Pure and synchronous: the upload streams records through it. */
import type { ZoneClock } from '@peakplan/forecasting';
import { ambiguousQueueReason, QueuesByName } from '../common/queues-by-name';

export const CORE_STAFF_COLUMNS = ['queue', 'start', 'agents'] as const;

/** More agents than this in one queue and interval is a typo, not a roster. */
export const MAX_AGENTS = 100_000;

export interface CoreStaffRowError {
  /** Line number in the file (1 = the header). */
  row: number;
  field: string;
  reason: string;
}

/** A queue of the scenario, with the interval length of its forecast run. */
export interface CoreStaffQueue {
  id: string;
  name: string;
  intervalMinutes: number;
}

export interface CoreStaffRow {
  row: number;
  queueId: string;
  startMs: number;
  agents: number;
}

/** A file-level problem (header, encoding, size): the whole file is refused. */
export class CoreStaffFileError extends Error {
  constructor(
    message: string,
    readonly details: CoreStaffRowError[] = [],
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;
const WHOLE_NUMBER = /^\d+$/;

export class CoreStaffRowReader {
  private readonly columns: Map<string, number>;
  /** The scenario's queues. */
  private readonly queues: QueuesByName<CoreStaffQueue>;
  /** `queueId|startMs` → first row, to refuse a second row for the same interval. */
  private readonly seen = new Map<string, number>();

  /**
   * @param header the first record, as read
   * @param queues the scenario's queues (one per forecast run)
   * @param otherQueueNames queues of the organisation that the scenario does not plan
   * @param period the scenario's local dates, inclusive
   * @throws CoreStaffFileError when the header is not exactly queue,start,agents (in any order)
   */
  constructor(
    header: string[],
    queues: readonly CoreStaffQueue[],
    private readonly otherQueueNames: ReadonlySet<string>,
    private readonly period: { from: string; to: string },
    private readonly clock: ZoneClock,
  ) {
    const names = header.map((name) => name.trim().toLowerCase());
    if (names.length === 1 && /[;\t|]/.test(names[0])) {
      const delimiter = /;/.test(names[0]) ? 'semicolon' : /\t/.test(names[0]) ? 'tab' : 'pipe';
      throw new CoreStaffFileError(
        `row 1: the header is separated by a ${delimiter}; use commas: queue,start,agents`,
        [{ row: 1, field: 'header', reason: `separated by a ${delimiter}, expected commas` }],
      );
    }
    const known: readonly string[] = CORE_STAFF_COLUMNS;
    const problems = [
      ...CORE_STAFF_COLUMNS.filter((name) => !names.includes(name)).map((name) => ({
        row: 1,
        field: name,
        reason: 'required column is missing',
      })),
      ...names
        .filter((name) => !known.includes(name))
        .map((name) => ({
          row: 1,
          field: name.slice(0, 40),
          reason: 'unknown column; expected queue, start, agents',
        })),
      ...names
        .filter((name, index) => names.indexOf(name) !== index)
        .map((name) => ({ row: 1, field: name.slice(0, 40), reason: 'column appears twice' })),
    ];
    if (problems.length > 0)
      throw new CoreStaffFileError(
        `row 1: the header must be queue,start,agents (found: ${names.join(',').slice(0, 200)})`,
        problems,
      );
    this.columns = new Map(names.map((name, index) => [name, index]));
    this.queues = new QueuesByName(queues);
  }

  /** Reads one record; returns the row or its problems (one per bad field). */
  read(record: string[], row: number): CoreStaffRow | CoreStaffRowError[] {
    if (record.length !== this.columns.size)
      return [{ row, field: 'row', reason: `expected 3 columns, found ${record.length}` }];
    const cell = (name: string) => record[this.columns.get(name)!].trim();
    const errors: CoreStaffRowError[] = [];
    const queue = this.queue(cell('queue'), row, errors);
    const startMs = this.start(cell('start'), row, queue, errors);
    const agents = this.agents(cell('agents'), row, errors);
    if (!queue || startMs === null || agents === null) return errors;
    const key = `${queue.id}|${startMs}`;
    const first = this.seen.get(key);
    if (first !== undefined)
      return [{ row, field: 'start', reason: `duplicates row ${first} (same queue and start)` }];
    this.seen.set(key, row);
    return { row, queueId: queue.id, startMs, agents };
  }

  private queue(name: string, row: number, errors: CoreStaffRowError[]): CoreStaffQueue | undefined {
    if (name === '') {
      errors.push({ row, field: 'queue', reason: 'is empty' });
      return undefined;
    }
    const matches = this.queues.matches(name);
    if (matches.length === 1) return matches[0];
    const planned = this.queues.names().join(', ');
    errors.push({
      row,
      field: 'queue',
      reason:
        matches.length > 1
          ? ambiguousQueueReason(name, matches)
          : this.otherQueueNames.has(name.toLowerCase())
            ? `queue "${name}" is not planned in this scenario (its queues: ${planned})`
            : `unknown queue "${name.slice(0, 60)}" (this scenario's queues: ${planned})`,
    });
    return undefined;
  }

  /** The start as epoch milliseconds, or null when bad (the reason is pushed). */
  private start(
    text: string,
    row: number,
    queue: CoreStaffQueue | undefined,
    errors: CoreStaffRowError[],
  ): number | null {
    const bad = (reason: string) => {
      errors.push({ row, field: 'start', reason });
      return null;
    };
    if (text === '') return bad('is empty');
    const parts = DATE_TIME.exec(text);
    if (!parts)
      return bad(
        `must be an ISO date-time with offset or Z, such as 2026-02-14T09:15:00+01:00, got "${text.slice(0, 40)}"`,
      );
    const [
      ,
      year,
      month,
      day,
      hour,
      minute,
      second = '00',
      fraction = '',
      ,
      sign,
      offsetHours,
      offsetMinutes,
    ] = parts;
    const localMs = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
    const written = new Date(localMs);
    if (
      written.getUTCDate() !== +day ||
      written.getUTCMonth() !== +month - 1 ||
      +hour > 23 ||
      +minute > 59 ||
      +second > 59 ||
      +(offsetMinutes ?? 0) > 59
    )
      return bad(`is not a valid date-time: "${text}"`);
    const offset = sign ? (sign === '-' ? -1 : 1) * (+offsetHours * 60 + +offsetMinutes) : 0;
    const ms = localMs - offset * 60_000;
    const local = this.clock.local(ms);
    if (local.date < this.period.from || local.date > this.period.to)
      return bad(
        `${text} is outside the scenario's period ${this.period.from} to ${this.period.to} (${this.clock.timeZone})`,
      );
    if (
      queue &&
      (+second !== 0 || Number(fraction || 0) !== 0 || local.minuteOfDay % queue.intervalMinutes !== 0)
    )
      return bad(
        `${text} does not start a ${queue.intervalMinutes}-minute interval of queue "${queue.name}"`,
      );
    return ms;
  }

  private agents(text: string, row: number, errors: CoreStaffRowError[]): number | null {
    if (text === '') {
      errors.push({ row, field: 'agents', reason: 'is empty' });
      return null;
    }
    if (!WHOLE_NUMBER.test(text)) {
      errors.push({
        row,
        field: 'agents',
        reason: /^-\d+(\.\d+)?$/.test(text)
          ? `must be ≥ 0, got ${text}`
          : `must be a whole number of agents, got "${text.slice(0, 40)}"`,
      });
      return null;
    }
    const agents = Number(text);
    if (agents > MAX_AGENTS) {
      errors.push({ row, field: 'agents', reason: `is more than ${MAX_AGENTS}: ${text.slice(0, 20)}` });
      return null;
    }
    return agents;
  }
}
