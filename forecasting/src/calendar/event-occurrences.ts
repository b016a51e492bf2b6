import { assertYear } from './easter';
import { assertEventDefinition, type EventDefinition, type EventOccurrence } from './event-definition';
import { resolveEventDates } from './event-rule';

/**
 * Every dated occurrence of the events in the years `fromYear..toYear` (inclusive),
 * sorted by date, then by event id.
 * @example eventOccurrences(eventPresets('NL'), 2026, 2026)[0] // { eventId: 'valentines', …, date: '2026-02-14' }
 */
export function eventOccurrences(
  events: readonly EventDefinition[],
  fromYear: number,
  toYear: number,
): EventOccurrence[] {
  assertYear(fromYear, 'fromYear');
  assertYear(toYear, 'toYear');
  if (toYear < fromYear) throw new RangeError(`toYear (${toYear}) must not be before fromYear (${fromYear})`);
  if (!Array.isArray(events)) throw new TypeError('events must be an array of EventDefinition');
  const seen = new Set<string>();
  const occurrences: EventOccurrence[] = [];
  events.forEach((event, index) => {
    assertEventDefinition(event, `events[${index}]`);
    if (seen.has(event.id)) throw new RangeError(`events[${index}].id "${event.id}" is duplicated`);
    seen.add(event.id);
    for (let year = fromYear; year <= toYear; year++) {
      for (const date of resolveEventDates(event.rule, year))
        occurrences.push({ eventId: event.id, name: event.name, date });
    }
  });
  return occurrences.sort((a, b) =>
    a.date === b.date ? a.eventId.localeCompare(b.eventId) : a.date < b.date ? -1 : 1,
  );
}
