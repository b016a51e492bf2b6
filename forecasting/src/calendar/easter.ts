import { formatIsoDate, type IsoDate } from './iso-date';

/**
 * Easter Sunday of the Gregorian calendar, by the anonymous Gregorian computus
 * (Meeus/Jones/Butcher; J. Meeus, "Astronomical Algorithms", 2nd ed., ch. 8).
 * @example easterSunday(2026) // '2026-04-05'
 * @throws RangeError when `year` is not an integer in 1583..9999.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** Years where the Gregorian calendar and 4-digit ISO dates both hold. */
export function assertYear(year: number, argument = 'year'): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`${argument} must be an integer year in 1583..9999, got ${year}`);
}
