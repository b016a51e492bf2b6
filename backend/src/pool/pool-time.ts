import { BadRequestException } from '@nestjs/common';
import { ZoneClock } from '@peakplan/forecasting';
import { DateTime } from 'luxon';

/** Local date-time in the organisation's zone, from a `YYYY-MM-DD` date and an `HH:mm` clock time. */
export function localInstant(timeZone: string, date: string, clock: string, field: string): DateTime {
  const instant = DateTime.fromISO(`${date}T${clock}`, { zone: timeZone });
  // A clock time skipped by a clock change (02:30 on the last Sunday of March) does not exist there.
  if (!instant.isValid || instant.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${clock}`)
    throw new BadRequestException({
      message: `${field}: ${date} ${clock} does not exist in ${timeZone}`,
      details: [{ field, reason: 'not a local time in the organisation time zone' }],
    });
  return instant;
}

/** The shift's start and end instants; an end at or before the start is on the next day. */
export function shiftInstants(
  timeZone: string,
  date: string,
  start: string,
  end: string,
): { startsAt: DateTime; endsAt: DateTime } {
  const startsAt = localInstant(timeZone, date, start, 'start');
  const endDate = end <= start ? startsAt.plus({ days: 1 }).toISODate()! : date;
  return { startsAt, endsAt: localInstant(timeZone, endDate, end, 'end') };
}

/** An instant seen in the zone. */
export function inZone(timeZone: string, instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: timeZone });
}

/**
 * One clock per zone for the pool's many single conversions (every instant of a long shift list), so
 * its offset cache serves them all. Zones are the organisations' validated IANA names: a few hundred at most.
 */
const clocks = new Map<string, ZoneClock>();
function clockOf(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new ZoneClock(timeZone)));
  return clock;
}

/** ISO with the zone's offset and no milliseconds, as every pool answer writes instants. */
export function isoInZone(timeZone: string, instant: Date): string {
  return clockOf(timeZone).iso(instant.getTime());
}

/** Today's local date in the zone. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return clockOf(timeZone).local(now.getTime()).date;
}

/** "3 January" this year, "3 January 2027" otherwise: dates in the member's sentences. */
export function dateInWords(date: string, today: string): string {
  const day = DateTime.fromISO(date);
  return day.toFormat(date.slice(0, 4) === today.slice(0, 4) ? 'd MMMM' : 'd MMMM yyyy');
}

/** Paid hours of a shift: its length less the break. */
export function paidHours(startsAt: Date, endsAt: Date, breakMinutes: number): number {
  return (endsAt.getTime() - startsAt.getTime() - breakMinutes * 60_000) / 3_600_000;
}
