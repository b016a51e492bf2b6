import { assertYear } from './easter';
import type { EventOccurrence } from './event-definition';
import { holidayPlace, holidaysOf, type HolidayPlace } from './observance-rules';

/**
 * Public holidays (type "public" in the `date-holidays` data, incl. substitute days) of a country
 * in `fromYear..toYear`, as occurrences with eventId `public-holiday`. These are candidate closures:
 * the daily model only treats one as closed when the history shows it closed.
 * @example publicHolidays('NL', 2026, 2026)[0] // { eventId: 'public-holiday', name: "New Year's Day", date: '2026-01-01' }
 * @throws RangeError on a country or region `date-holidays` does not know.
 */
export function publicHolidays(country: string, fromYear: number, toYear: number): EventOccurrence[] {
  assertYear(fromYear, 'fromYear');
  assertYear(toYear, 'toYear');
  // A region date-holidays knows (DE-BY) adds its own holidays; a hand-made one (BE-VAN) uses its country's.
  const place = holidayPlace(country);
  const occurrences: EventOccurrence[] = [];
  for (let year = fromYear; year <= toYear; year++) occurrences.push(...holidaysOfYear(place, year));
  return occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// date-holidays parses its rules on every call (slow next to a model fit); the answer for a
// (place, year) never changes, so it is kept.
const cache = new Map<string, readonly EventOccurrence[]>();

function holidaysOfYear(place: HolidayPlace, year: number): readonly EventOccurrence[] {
  const key = `${place.country}-${place.region ?? ''}:${year}`;
  let result = cache.get(key);
  if (!result) {
    result = holidaysOf(place)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ eventId: 'public-holiday', name: holiday.name, date: holiday.date.slice(0, 10) }));
    cache.set(key, result);
  }
  return result.map((occurrence) => ({ ...occurrence }));
}
