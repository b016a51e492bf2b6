/** A calendar date as `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by pure arithmetic (no `Date`, no zone).
 * Algorithm `days_from_civil`, H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 * @example daysFromCivil(2026, 11, 24) // 20416
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link daysFromCivil} (`civil_from_days`, same source). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Number of days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** Formats a civil date as `YYYY-MM-DD`. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses and validates `YYYY-MM-DD` into a day number (days since 1970-01-01).
 * @throws RangeError naming `argument` when the text is not a real calendar date.
 */
export function isoDateToDayNumber(date: IsoDate, argument = 'date'): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new RangeError(`${argument} must be a date YYYY-MM-DD, got "${String(date)}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`${argument} is not a calendar date: "${date}"`);
  return daysFromCivil(year, month, day);
}

/** Formats a day number (days since 1970-01-01) as `YYYY-MM-DD`. */
export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatIsoDate(year, month, day);
}

/**
 * Adds a whole number of days to a date.
 * @example addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return dayNumberToIsoDate(isoDateToDayNumber(date) + days);
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 * @example dayOfWeek('2026-11-24') // 2 (Tuesday)
 */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOfDayNumber(isoDateToDayNumber(date));
}

/** Day of the week of a day number, 0 = Sunday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to, 'to') - isoDateToDayNumber(from, 'from');
}
