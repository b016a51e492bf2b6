import Holidays from 'date-holidays';

import { assertYear } from './easter';
import type { EventOccurrence } from './event-definition';

/**
 * Public holidays (type "public" in the `date-holidays` data, incl. substitute days) of a country
 * in `fromYear..toYear`, as occurrences with eventId `public-holiday`. These are candidate closures:
 * the daily model only treats one as closed when the history shows it closed.
 * @example publicHolidays('NL', 2026, 2026)[0] // { eventId: 'public-holiday', name: 'Nieuwjaar', date: '2026-01-01' }
 * @throws RangeError on a country `date-holidays` does not know.
 */
export function publicHolidays(country: string, fromYear: number, toYear: number): EventOccurrence[] {
  assertYear(fromYear, 'fromYear');
  assertYear(toYear, 'toYear');
  // A subdivision such as BE-VAN uses its country's national holidays.
  const countryCode = String(country).trim().toUpperCase().split('-')[0];
  if (!knownCountries) knownCountries = new Holidays().getCountries();
  const known = knownCountries;
  if (!/^[A-Z]{2}$/.test(countryCode) || !(countryCode in known))
    throw new RangeError(`country is not known to date-holidays: "${String(country)}"`);
  const occurrences: EventOccurrence[] = [];
  for (let year = fromYear; year <= toYear; year++) occurrences.push(...holidaysOfYear(countryCode, year));
  return occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

let knownCountries: Record<string, string> | undefined;

// date-holidays parses its rules on every call (slow next to a model fit); the answer for a
// (country, year) never changes, so it is kept.
const cache = new Map<string, readonly EventOccurrence[]>();

function holidaysOfYear(countryCode: string, year: number): readonly EventOccurrence[] {
  const key = `${countryCode}:${year}`;
  let result = cache.get(key);
  if (!result) {
    result = new Holidays(countryCode)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ eventId: 'public-holiday', name: holiday.name, date: holiday.date.slice(0, 10) }));
    cache.set(key, result);
  }
  return result.map((occurrence) => ({ ...occurrence }));
}
