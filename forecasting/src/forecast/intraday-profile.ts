import { dayOfWeek, type IsoDate } from '../calendar';
import type { IntervalObservation } from './parse-history-csv';

/** Quarter-hours on the wall clock: 96 slots from 00:00, shares that sum to 1 (or all 0 when unknown). */
export type QuarterProfile = number[];

/** Intraday shapes learned from interval history. */
export interface IntradayProfiles {
  /** By weekday, 0 = Sunday; an all-zero profile means "no data". */
  weekday: QuarterProfile[];
  /** By event id, for event-window days whose shape differs from their weekday's. */
  events: Record<string, QuarterProfile>;
}

const QUARTERS = 96;

function sharesOfDay(
  intervals: readonly IntervalObservation[],
  slotMinutes: number,
): QuarterProfile | undefined {
  const profile = new Array<number>(QUARTERS).fill(0);
  let total = 0;
  const perSlot = Math.max(1, Math.round(slotMinutes / 15));
  for (const { localMinute, offered } of intervals) {
    const first = Math.floor(localMinute / 15);
    for (let q = 0; q < perSlot && first + q < QUARTERS; q++) profile[first + q] += offered / perSlot;
    total += offered;
  }
  return total > 0 ? profile.map((value) => value / total) : undefined;
}

function average(profiles: readonly QuarterProfile[]): QuarterProfile {
  const result = new Array<number>(QUARTERS).fill(0);
  if (profiles.length === 0) return result;
  for (const profile of profiles) profile.forEach((share, q) => (result[q] += share / profiles.length));
  return result;
}

/** Total variation distance between two shapes: ½ Σ|p − q|, in 0..1. */
export function profileDistance(a: QuarterProfile, b: QuarterProfile): number {
  return a.reduce((sum, share, q) => sum + Math.abs(share - b[q]), 0) / 2;
}

/**
 * Weekday profiles from the last `recentWeeks` (default 8) occurrences of each weekday, leaving out
 * event-window days; event profiles from the event-window days of the last two years, kept only where
 * they differ from the weekday profile by a total variation distance above `eventThreshold` (0.1).
 * `eventOfDay` maps a local date to the event owning it (if any).
 */
export function buildIntradayProfiles(
  intervals: readonly IntervalObservation[],
  eventOfDay: (date: IsoDate) => string | undefined,
  options: { recentWeeks?: number; eventThreshold?: number } = {},
): IntradayProfiles {
  const recentWeeks = options.recentWeeks ?? 8;
  const byDate = new Map<IsoDate, IntervalObservation[]>();
  for (const interval of intervals) {
    const list = byDate.get(interval.localDate) ?? [];
    list.push(interval);
    byDate.set(interval.localDate, list);
  }
  // The data's interval length: the greatest common divisor of the start minutes and 60 (15, 30 or 60).
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const slotMinutes = Math.max(
    15,
    intervals.reduce((divisor, i) => gcd(divisor, i.localMinute), 60),
  );
  const dates = [...byDate.keys()].sort().reverse();
  const weekdayDays: QuarterProfile[][] = Array.from({ length: 7 }, () => []);
  const eventDays = new Map<string, QuarterProfile[]>();
  const latest = dates[0];
  for (const date of dates) {
    const shares = sharesOfDay(byDate.get(date) as IntervalObservation[], slotMinutes);
    if (!shares) continue;
    const eventId = eventOfDay(date);
    if (eventId) {
      if (Number(latest.slice(0, 4)) - Number(date.slice(0, 4)) <= 2)
        eventDays.set(eventId, [...(eventDays.get(eventId) ?? []), shares]);
      continue;
    }
    const list = weekdayDays[dayOfWeek(date)];
    if (list.length < recentWeeks) list.push(shares);
  }
  const weekday = weekdayDays.map(average);
  const overall = average(weekday.filter((profile) => profile.some((share) => share > 0)));
  const events: Record<string, QuarterProfile> = {};
  for (const [eventId, days] of eventDays) {
    const profile = average(days);
    if (profileDistance(profile, overall) > (options.eventThreshold ?? 0.1)) events[eventId] = profile;
  }
  return { weekday, events };
}
