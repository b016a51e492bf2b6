/* The organisation's wall clock: the one place that turns instants (epoch milliseconds, as they pass
 * between layers) into local dates, minutes and interval grids. */
import { DateTime } from 'luxon';

import { dayNumberToIsoDate } from './iso-date';

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Local wall-clock of instants in one time zone, for many instants quickly: the zone's offset is
 * looked up once per quarter-hour (offsets only change on quarter-hour boundaries) instead of once per
 * instant, so a 200,000-row upload does not build 200,000 luxon DateTimes.
 *
 * @example
 * new ZoneClock('Europe/Amsterdam').local(Date.parse('2026-03-29T01:00:00Z'));
 * // → { date: '2026-03-29', minuteOfDay: 180 }: 03:00 CEST, the first minute after the clock change
 */
export class ZoneClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Minutes east of UTC at the instant. */
  offsetMinutes(ms: number): number {
    const block = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(block);
    if (offset === undefined) {
      offset = DateTime.fromMillis(block * QUARTER_HOUR_MS, { zone: this.timeZone }).offset;
      this.offsets.set(block, offset);
    }
    return offset;
  }

  /** Local date (`YYYY-MM-DD`) and minute of the local day of the instant. */
  local(ms: number): { date: string; minuteOfDay: number } {
    const minutes = Math.floor(ms / 60_000) + this.offsetMinutes(ms);
    const dayNumber = Math.floor(minutes / 1440);
    return { date: dayNumberToIsoDate(dayNumber), minuteOfDay: minutes - dayNumber * 1440 };
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
    const midnight = DateTime.fromISO(date, { zone: timeZone });
    if (!midnight.isValid) throw new RangeError(`dates: "${date}" is not a date in ${timeZone}`);
    const end = midnight.plus({ days: 1 }).toMillis();
    for (let ms = midnight.toMillis(); ms < end; ms += intervalMinutes * 60_000) {
      grid.startMs.push(ms);
      grid.starts.push(clock.iso(ms));
      grid.localDates.push(date);
    }
  }
  return grid;
}
