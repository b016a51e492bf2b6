import {
  eventOccurrences,
  isoDateToDayNumber,
  resolveEventDates,
  type EventDefinition,
  type EventRule,
} from '../calendar';

/**
 * Day numbers a planner set closed in the years `fromYear..toYear`: the dates of the queue's closed-day
 * rules (any event rule: a fixed date, an nth weekday, an Easter offset, one-off dates) and the dates of
 * events marked `closed`. These are closed whatever the history shows, and never staffed.
 * @throws RangeError/TypeError naming `closedDays[i]` for a bad rule.
 * @example plannerClosedDays([{ kind: 'fixed', month: 12, day: 31 }], [], 2026, 2026) // Set { 20818 }
 */
export function plannerClosedDays(
  closedDays: readonly EventRule[],
  events: readonly EventDefinition[],
  fromYear: number,
  toYear: number,
): Set<number> {
  if (!Array.isArray(closedDays)) throw new TypeError('closedDays must be an array of event rules');
  const days = new Set<number>();
  closedDays.forEach((rule, i) => {
    for (let year = fromYear; year <= toYear; year++) {
      try {
        for (const date of resolveEventDates(rule, year)) days.add(isoDateToDayNumber(date));
      } catch (error) {
        const message = (error as Error).message;
        throw error instanceof TypeError
          ? new TypeError(`closedDays[${i}]: ${message}`)
          : new RangeError(`closedDays[${i}]: ${message}`);
      }
    }
  });
  const closedEvents = events.filter((event) => event.closed === true);
  for (const occurrence of eventOccurrences(closedEvents, fromYear, toYear))
    days.add(isoDateToDayNumber(occurrence.date));
  return days;
}
