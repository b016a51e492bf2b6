/* The organisation's wall clock: the one place that turns instants (epoch milliseconds, as they pass
 * between layers) into local dates, minutes and interval grids. */
import { DateTime } from 'luxon';

import { dayNumberToIsoDate } from './iso-date';

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** A UTC day whose offset changes somewhere inside it: look up each quarter-hour. */
const CHANGES_WITHIN = Number.NaN;

/**
 * Local wall-clock of instants in one time zone, for many instants quickly. The zone's offset is
 * looked up (through luxon, which asks `Intl`: slow) at the two ends of each UTC day; when they agree,
 * the whole day has that offset, and only the few days with a clock change are looked up per
 * quarter-hour (offsets only change on quarter-hour boundaries). So a 200,000-row upload or the
 * demo's 370,000 intervals do not build a luxon DateTime each.
 *
 * @example
 * new ZoneClock('Europe/Amsterdam').local(Date.parse('2026-03-29T01:00:00Z'));
 * // → { date: '2026-03-29', minuteOfDay: 180 }: 03:00 CEST, the first minute after the clock change
 */
export class ZoneClock {
  /** Per UTC day number: the day's one offset, or {@link CHANGES_WITHIN}. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly quarterOffsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Minutes east of UTC at the instant. */
  offsetMinutes(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const first = this.lookUp(day * DAY_MS);
      // Two changes that cancel out within one UTC day are not known in any zone's history.
      offset = first === this.lookUp((day + 1) * DAY_MS - QUARTER_HOUR_MS) ? first : CHANGES_WITHIN;
      this.dayOffsets.set(day, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const block = Math.floor(ms / QUARTER_HOUR_MS);
    let quarter = this.quarterOffsets.get(block);
    if (quarter === undefined) {
      quarter = this.lookUp(block * QUARTER_HOUR_MS);
      this.quarterOffsets.set(block, quarter);
    }
    return quarter;
  }

  private lookUp(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.timeZone }).offset;
  }

  /** Local date (`YYYY-MM-DD`) and minute of the local day of the instant. */
  local(ms: number): { date: string; minuteOfDay: number } {
    const minutes = Math.floor(ms / 60_000) + this.offsetMinutes(ms);
    const dayNumber = Math.floor(minutes / 1440);
    return { date: dayNumberToIsoDate(dayNumber), minuteOfDay: minutes - dayNumber * 1440 };
  }

  /**
   * The interval starts of one local day as epoch milliseconds, stepped in absolute time from local
   * midnight to the next: 92 or 100 quarter-hours on clock-change days, 96 on others. One zone lookup
   * per day, so years of days stay cheap (the demo's history walks 1,800 of them).
   *
   * @example new ZoneClock('Europe/Amsterdam').dayStarts('2026-03-29', 15).length // → 92
   */
  dayStarts(date: string, intervalMinutes: number): number[] {
    const midnight = this.midnight(date);
    const end = midnight.plus({ days: 1 }).toMillis();
    const starts: number[] = [];
    for (let ms = midnight.toMillis(); ms < end; ms += intervalMinutes * 60_000) starts.push(ms);
    return starts;
  }

  /**
   * The instant (epoch milliseconds) the local day starts: its local midnight, at the offset in force
   * then. A filter "on local days `from` to `to`" is `dayStart(from) <= instant < dayStart(to + 1)`,
   * which holds 23 or 25 hours of a clock-change day.
   *
   * @example new ZoneClock('Europe/Amsterdam').dayStart('2026-03-29') // → Date.parse('2026-03-28T23:00:00Z')
   */
  dayStart(date: string): number {
    return this.midnight(date).toMillis();
  }

  private midnight(date: string): DateTime {
    const midnight = DateTime.fromISO(date, { zone: this.timeZone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !midnight.isValid)
      throw new RangeError(`dates: "${date}" is not a date in ${this.timeZone}`);
    return midnight;
  }

  /** The instant as a local ISO date-time with offset, e.g. `2026-02-14T10:00:00+01:00`. */
  iso(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.timeZone }).toISO({ suppressMilliseconds: true })!;
  }
}

export interface IntervalGrid {
  /** Interval starts as epoch milliseconds, in time order. */
  startMs: number[];
  /** The same starts as local ISO with offset, e.g. `2026-02-14T10:00:00+01:00`. */
  starts: string[];
  localDates: string[];
}

/**
 * Every interval of the given local days, stepped in absolute time from local midnight to the next,
 * so that daylight-saving days get 92 or 100 quarter-hours (never assume 96).
 */
export function intervalGrid(
  dates: readonly string[],
  intervalMinutes: number,
  timeZone: string,
): IntervalGrid {
  if (!(Number.isInteger(intervalMinutes) && intervalMinutes > 0 && 1440 % intervalMinutes === 0))
    throw new RangeError(`intervalMinutes must divide a day, got ${intervalMinutes}`);
  const clock = new ZoneClock(timeZone);
  const grid: IntervalGrid = { startMs: [], starts: [], localDates: [] };
  for (const date of [...dates].sort()) {
    for (const ms of clock.dayStarts(date, intervalMinutes)) {
      grid.startMs.push(ms);
      grid.starts.push(clock.iso(ms));
      grid.localDates.push(date);
    }
  }
  return grid;
}
