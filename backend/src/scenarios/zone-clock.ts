import { DateTime } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Local wall-clock of instants in one time zone, for checking many interval starts quickly: the zone's
 * offset is looked up once per quarter-hour (offsets only change on quarter-hour boundaries) instead of
 * once per row, so a 200,000-row upload does not build 200,000 luxon DateTimes.
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
    const localMs = ms + this.offsetMinutes(ms) * 60_000;
    const minutes = Math.floor(localMs / 60_000);
    return {
      date: new Date(localMs).toISOString().slice(0, 10),
      minuteOfDay: ((minutes % 1440) + 1440) % 1440,
    };
  }

  /** The instant as a local ISO date-time with offset, as the scenario results write interval starts. */
  iso(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.timeZone }).toISO({ suppressMilliseconds: true })!;
  }
}
