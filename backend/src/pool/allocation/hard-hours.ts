import { inZone, paidHours } from '../pool-time';

/** Evening: from 18:00 to 08:00 local. */
export const EVENING_FROM_HOUR = 18;
export const EVENING_TO_HOUR = 8;

/**
 * The hard hours of a shift, for spreading them fairly: its paid hours that fall on a Saturday,
 * Sunday or event day (all of them), or on another day in the evening (18:00–08:00 local). Counted
 * per quarter hour of the shift's length and scaled to its paid hours (the break's place in the shift
 * is not kept, so it is taken out evenly).
 *
 * @example hardHours('Europe/Amsterdam', 24 Dec 2026 16:00 CET, 24 Dec 22:00 CET, 30, new Set(['2026-12-24']))
 * // → 5.5: Christmas Eve is an event day, every paid hour is hard
 * @example the same shift on an ordinary Thursday → 5.5 × 16 / 24 ≈ 3.67 (18:00–22:00 of 16:00–22:00)
 */
export function hardHours(
  timeZone: string,
  startsAt: Date,
  endsAt: Date,
  breakMinutes: number,
  eventDays: ReadonlySet<string>,
): number {
  const quarter = 15 * 60_000;
  let quarters = 0;
  let hard = 0;
  for (let at = startsAt.getTime(); at < endsAt.getTime(); at += quarter) {
    const local = inZone(timeZone, new Date(at));
    quarters++;
    if (
      local.weekday >= 6 ||
      eventDays.has(local.toISODate()!) ||
      local.hour >= EVENING_FROM_HOUR ||
      local.hour < EVENING_TO_HOUR
    )
      hard++;
  }
  if (quarters === 0) return 0;
  return (paidHours(startsAt, endsAt, breakMinutes) * hard) / quarters;
}
