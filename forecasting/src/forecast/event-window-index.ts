import {
  civilFromDays,
  eventOccurrences,
  isoDateToDayNumber,
  publicHolidays,
  type EventDefinition,
} from '../calendar';

/** One regression feature per (event, day offset from the event date). */
export interface EventOffsetFeature {
  eventId: string;
  offset: number;
}

/**
 * Which (event, offset) owns each day, and which public holidays fall on it, for a span of years.
 * Overlap rule (no double counting): a day inside several windows belongs to the occurrence it is
 * nearest to (smallest |offset|; ties go to the event listed first), so its demand is explained by
 * exactly one event-offset coefficient and never added twice.
 */
export interface EventWindowIndex {
  features: EventOffsetFeature[];
  /** Feature index owning a day number, or -1. */
  featureAt(dayNumber: number): number;
  /** Public-holiday names on a day number (empty when none). */
  holidaysAt(dayNumber: number): readonly string[];
  /** True when the day lies in any event window (a peak day). */
  inWindow(dayNumber: number): boolean;
  /**
   * For a window day: days back to the same offset of the owning event's previous occurrence, rounded
   * to whole weeks so the weekday is kept (Mother's Day 2026 → 364 days, fixed dates → 364).
   * 364 outside windows.
   */
  yearLagAt(dayNumber: number): number;
}

const NONE: readonly string[] = [];

/** Builds the index for the calendar years `fromYear..toYear`. */
export function buildEventWindowIndex(
  events: readonly EventDefinition[],
  fromYear: number,
  toYear: number,
  country?: string,
): EventWindowIndex {
  const features: EventOffsetFeature[] = [];
  const featureIds = new Map<string, number>();
  const order = new Map<string, number>();
  events.forEach((event, rank) => {
    order.set(event.id, rank);
    for (let offset = -event.windowBefore; offset <= event.windowAfter; offset++) {
      featureIds.set(`${event.id}:${offset}`, features.length);
      features.push({ eventId: event.id, offset });
    }
  });
  const owner = new Map<number, { feature: number; distance: number; rank: number; lag: number }>();
  const previous = new Map<string, number>();
  for (const occurrence of eventOccurrences(events, fromYear, toYear)) {
    const event = events[order.get(occurrence.eventId) as number];
    const center = isoDateToDayNumber(occurrence.date);
    const before = previous.get(event.id);
    previous.set(event.id, center);
    const lag = before === undefined ? 364 : Math.max(7, 7 * Math.round((center - before) / 7));
    const rank = order.get(event.id) as number;
    for (let offset = -event.windowBefore; offset <= event.windowAfter; offset++) {
      const day = center + offset;
      const current = owner.get(day);
      const distance = Math.abs(offset);
      if (current && (current.distance < distance || (current.distance === distance && current.rank <= rank)))
        continue;
      owner.set(day, { feature: featureIds.get(`${event.id}:${offset}`) as number, distance, rank, lag });
    }
  }
  const holidays = new Map<number, string[]>();
  if (country) {
    for (const holiday of publicHolidays(country, fromYear, toYear)) {
      const day = isoDateToDayNumber(holiday.date);
      const names = holidays.get(day) ?? [];
      names.push(holiday.name);
      holidays.set(day, names);
    }
  }
  return {
    features,
    featureAt: (day) => owner.get(day)?.feature ?? -1,
    holidaysAt: (day) => holidays.get(day) ?? NONE,
    inWindow: (day) => owner.has(day),
    yearLagAt: (day) => owner.get(day)?.lag ?? 364,
  };
}

/** Calendar year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/**
 * The events none of whose window days fall in the days `first..last` (day numbers): the regression
 * has no coefficient for them (an offset never seen stays at 0), so their days are forecast without an
 * uplift and no backtest error speaks for them.
 * @example eventsNeverSeen(index, events, first, last) // e.g. [Valentine's Day] on ten winter weeks without it
 */
export function eventsNeverSeen(
  index: EventWindowIndex,
  events: readonly EventDefinition[],
  first: number,
  last: number,
): EventDefinition[] {
  const seen = new Set<string>();
  for (let day = first; day <= last; day++) {
    const feature = index.featureAt(day);
    if (feature >= 0) seen.add(index.features[feature].eventId);
  }
  return events.filter((event) => !seen.has(event.id));
}
