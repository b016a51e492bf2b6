import Holidays from 'date-holidays';

import type { EventRule } from './event-rule';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Years for which an observance without a simple rule is tabled from date-holidays as one-off dates. */
const TABLED_YEARS = { from: 2000, to: 2060 };

/** A country (ISO 3166-1 alpha-2) and optionally one of its regions as date-holidays names them. */
export interface HolidayPlace {
  country: string;
  region?: string;
}

/** Regions PeakPlan knows by hand that date-holidays does not list (Antwerp province: its own Mother's Day). */
export const HAND_REGIONS: readonly string[] = ['BE-VAN'];

let countries: Record<string, string> | undefined;

/**
 * Reads `CC` or `CC-REGION` (e.g. `FR`, `DE-BY`, `ES-MD`) against the countries and regions of
 * date-holidays, or one of {@link HAND_REGIONS}.
 * @throws RangeError naming the country or region date-holidays does not know.
 */
export function holidayPlace(code: string): HolidayPlace {
  const text = typeof code === 'string' ? code.trim().toUpperCase() : '';
  const [country, region, ...rest] = text.split('-');
  countries ??= new Holidays().getCountries();
  if (!/^[A-Z]{2}$/.test(country) || !(country in countries) || rest.length > 0)
    throw new RangeError(`country is not known to date-holidays: "${String(code)}"`);
  if (region === undefined || HAND_REGIONS.includes(text)) return { country, region };
  const regions = new Holidays().getStates(country) ?? {};
  if (!(region in regions))
    throw new RangeError(
      `region "${region}" of ${country} is not known to date-holidays (known: ${Object.keys(regions).join(', ') || 'none'})`,
    );
  return { country, region };
}

/** date-holidays for a place, its names in English; a hand-made region falls back to its country. */
export function holidaysOf(place: HolidayPlace): Holidays {
  const regions = place.region ? (new Holidays().getStates(place.country) ?? {}) : {};
  return place.region && place.region in regions
    ? new Holidays(place.country, place.region, { languages: ['en'] })
    : new Holidays(place.country, { languages: ['en'] });
}

/**
 * The event rule of a date-holidays observance (by its English name, e.g. "Mother's Day") in a place,
 * or undefined when the place has none. Simple date-holidays rules become the same PeakPlan rule
 * (`2nd sunday in May` → nth weekday, `easter -21` → Easter offset, `05-26` → fixed date); any other
 * (e.g. France's `sunday before 06-01`) is tabled as one-off dates for 2000–2060 from date-holidays.
 * @example observanceRule({ country: 'ES' }, "Mother's Day") // { kind: 'nth-weekday', month: 5, weekday: 0, n: 1 }
 */
export function observanceRule(place: HolidayPlace, name: string): EventRule | undefined {
  const holidays = holidaysOf(place);
  const found = holidays.getHolidays(2026).find((holiday) => holiday.name === name);
  if (!found) return undefined;
  const rule = found.rule.trim().toLowerCase();
  const nth = /^(\d)(?:st|nd|rd|th) (\w+) in (\w+)$/.exec(rule);
  if (nth && WEEKDAYS.includes(nth[2]) && MONTHS.includes(nth[3]))
    return {
      kind: 'nth-weekday',
      month: MONTHS.indexOf(nth[3]) + 1,
      weekday: WEEKDAYS.indexOf(nth[2]),
      n: Number(nth[1]),
    };
  const easter = /^easter ([+-]\d+)$/.exec(rule);
  if (easter) return { kind: 'easter-offset', days: Number(easter[1]) };
  const fixed = /^(\d{2})-(\d{2})$/.exec(rule);
  if (fixed) return { kind: 'fixed', month: Number(fixed[1]), day: Number(fixed[2]) };
  const dates: string[] = [];
  for (let year = TABLED_YEARS.from; year <= TABLED_YEARS.to; year++)
    for (const holiday of holidays.getHolidays(year))
      if (holiday.name === name) dates.push(holiday.date.slice(0, 10));
  return { kind: 'one-off', dates };
}
