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
  const known = new Holidays().getCountries();
  if (!/^[A-Z]{2}$/.test(countryCode) || !(countryCode in known))
    throw new RangeError(`country is not known to date-holidays: "${String(country)}"`);
  const holidays = new Holidays(countryCode);
  const occurrences: EventOccurrence[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      occurrences.push({ eventId: 'public-holiday', name: holiday.name, date: holiday.date.slice(0, 10) });
    }
  }
  return occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
