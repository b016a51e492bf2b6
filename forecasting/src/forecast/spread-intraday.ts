import { IANAZone } from 'luxon';

import { civilFromDays, dayOfWeek, formatIsoDate, isoDateToDayNumber } from '../calendar';
import type { DailyForecastDay } from './daily-model';
import type { IntradayProfiles, QuarterProfile } from './intraday-profile';

/** Opening hours of one weekday on the wall clock, `HH:MM` (close may be `24:00`). */
export interface OpeningHours {
  open: string;
  close: string;
}

/** One interval of the forecast. */
export interface IntervalForecast {
  /** ISO date-time with the zone's offset, e.g. `2026-03-29T03:00:00+02:00`. */
  start: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface SpreadIntradayOptions {
  intervalMinutes: number;
  /** IANA zone of the organisation (default Europe/Amsterdam). */
  timeZone?: string;
  profiles?: IntradayProfiles;
  /** By weekday, 0 = Sunday; null = closed. Default: 08:00–20:00 every day. */
  openingHours?: readonly (OpeningHours | null)[];
}

const DEFAULT_HOURS: OpeningHours = { open: '08:00', close: '20:00' };
const MINUTE = 60_000;

function minutesOf(clock: string, argument: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes <= 1440)) throw new RangeError(`${argument} must be HH:MM, got "${clock}"`);
  return minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Formats an instant as local ISO date-time with offset, without luxon per interval (speed). */
function formatLocal(ms: number, offsetMinutes: number): string {
  const localMs = ms + offsetMinutes * MINUTE;
  const days = Math.floor(localMs / 86_400_000);
  const minuteOfDay = Math.round((localMs - days * 86_400_000) / MINUTE);
  const { year, month, day } = civilFromDays(days);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return `${formatIsoDate(year, month, day)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/**
 * UTC offset (minutes) at noon UTC of a day number. Offsets change at night (01:00–03:00 in Europe),
 * so midnight of day d has the noon offset of day d − 1, and a day is a DST day exactly when the noon
 * offsets of d − 1 and d differ. One zone lookup per day: luxon's lookup is the slow part here.
 */
function noonOffset(zone: IANAZone, dayNumber: number, cache: Map<number, number>): number {
  let offset = cache.get(dayNumber);
  if (offset === undefined) {
    offset = zone.offset(dayNumber * 86_400_000 + 43_200_000);
    cache.set(dayNumber, offset);
  }
  return offset;
}

/**
 * Spreads daily P10/P50/P90 over the day's intervals in the organisation's zone. The day runs from
 * local midnight to the next local midnight in real time, so a spring-forward day in Europe/Amsterdam
 * has 92 quarter-hours and a fall-back day 100. Each interval's share is the profile weight of its
 * wall-clock quarter-hours (event profile, else weekday profile, else flat), zero outside opening
 * hours, normalised to 1 over the day. Interval bands scale the day's band by the share (fully
 * correlated intervals: conservative for staffing).
 */
export function spreadIntraday(
  days: readonly DailyForecastDay[],
  options: SpreadIntradayOptions,
): { intervals: IntervalForecast[]; warnings: string[] } {
  const { intervalMinutes } = options;
  if (![15, 30, 60].includes(intervalMinutes))
    throw new RangeError(`intervalMinutes must be 15, 30 or 60, got ${intervalMinutes}`);
  const timeZone = options.timeZone ?? 'Europe/Amsterdam';
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`timeZone is not a known IANA zone: "${timeZone}"`);
  const hours = options.openingHours ?? new Array<OpeningHours | null>(7).fill(DEFAULT_HOURS);
  if (hours.length !== 7) throw new RangeError('openingHours must have 7 entries (Sunday first)');
  const limits = hours.map((entry, weekday) =>
    entry
      ? [
          minutesOf(entry.open, `openingHours[${weekday}].open`),
          minutesOf(entry.close, `openingHours[${weekday}].close`),
        ]
      : null,
  );
  const intervals: IntervalForecast[] = [];
  const warnings: string[] = [];
  const step = intervalMinutes * MINUTE;
  const quarters = intervalMinutes / 15;
  const offsets = new Map<number, number>();
  for (const day of days) {
    const weekday = dayOfWeek(day.date);
    const dayNumber = isoDateToDayNumber(day.date);
    const offsetBefore = noonOffset(zone, dayNumber - 1, offsets);
    const offsetAfter = noonOffset(zone, dayNumber, offsets);
    const startMs = dayNumber * 86_400_000 - offsetBefore * MINUTE;
    const endMs = (dayNumber + 1) * 86_400_000 - offsetAfter * MINUTE;
    const steadyOffset = offsetBefore === offsetAfter ? offsetBefore : undefined;
    const eventProfile = day.events.map((id) => options.profiles?.events[id]).find(Boolean);
    const weekdayProfile = options.profiles?.weekday[weekday];
    const profile: QuarterProfile | undefined =
      eventProfile ?? (weekdayProfile?.some((share) => share > 0) ? weekdayProfile : undefined);
    const limit = limits[weekday];
    const slots: { ms: number; offset: number; weight: number; open: boolean }[] = [];
    for (let ms = startMs; ms < endMs; ms += step) {
      const offset = steadyOffset ?? zone.offset(ms);
      const minute = Math.round(((((ms + offset * MINUTE) % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE);
      const open = limit !== null && minute >= limit[0] && minute < limit[1];
      let weight = 0;
      if (open)
        for (let q = 0; q < quarters; q++)
          weight += profile ? (profile[Math.floor(minute / 15) + q] ?? 0) : 1;
      slots.push({ ms, offset, weight, open });
    }
    let total = slots.reduce((sum, slot) => sum + slot.weight, 0);
    if (total === 0) {
      for (const slot of slots) slot.weight = slot.open ? 1 : 0;
      total = slots.reduce((sum, slot) => sum + slot.weight, 0);
    }
    if (total === 0 && day.p50 > 0)
      warnings.push(`${day.date}: volume forecast on a day without opening hours`);
    for (const slot of slots) {
      const share = total > 0 ? slot.weight / total : 0;
      intervals.push({
        start: formatLocal(slot.ms, slot.offset),
        p10: day.p10 * share,
        p50: day.p50 * share,
        p90: day.p90 * share,
      });
    }
  }
  return { intervals, warnings };
}
