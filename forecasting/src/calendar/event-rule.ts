import { assertYear, easterSunday } from './easter';
import {
  addDays,
  daysFromCivil,
  daysInMonth,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
} from './iso-date';

/** How an event's date is found each year. */
export type EventRule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'nth-weekday'; month: number; weekday: number; n: number }
  | { kind: 'last-weekday'; month: number; weekday: number }
  | { kind: 'easter-offset'; days: number }
  | { kind: 'one-off'; dates: IsoDate[] }
  | { kind: 'day-after'; rule: EventRule; days?: number };

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`rule.month must be an integer 1..12, got ${month}`);
}

function assertWeekday(weekday: number): void {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6)
    throw new RangeError(`rule.weekday must be an integer 0 (Sunday)..6 (Saturday), got ${weekday}`);
}

/**
 * The dates an event rule gives in one calendar year (usually one; none when e.g. 29 Feb or a
 * 5th weekday does not exist; `one-off` gives its dates that fall in `year`). A `day-after` rule
 * shifts the dates of its inner rule by `days` (default 1), even across the year end.
 * @example resolveEventDates({ kind: 'nth-weekday', month: 5, weekday: 0, n: 2 }, 2026) // ['2026-05-10']
 */
export function resolveEventDates(rule: EventRule, year: number): IsoDate[] {
  assertYear(year);
  if (rule === null || typeof rule !== 'object') throw new TypeError('rule must be an EventRule object');
  switch (rule.kind) {
    case 'fixed': {
      assertMonth(rule.month);
      if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31)
        throw new RangeError(`rule.day must be an integer 1..31, got ${rule.day}`);
      if (rule.day > daysInMonth(year, rule.month)) return [];
      return [dayNumberToIsoDate(daysFromCivil(year, rule.month, rule.day))];
    }
    case 'nth-weekday': {
      assertMonth(rule.month);
      assertWeekday(rule.weekday);
      if (!Number.isInteger(rule.n) || rule.n < 1 || rule.n > 5)
        throw new RangeError(`rule.n must be an integer 1..5, got ${rule.n}`);
      const first = daysFromCivil(year, rule.month, 1);
      const firstMatch = first + ((rule.weekday - weekdayOfDayNumber(first) + 7) % 7);
      const target = firstMatch + 7 * (rule.n - 1);
      return target < first + daysInMonth(year, rule.month) ? [dayNumberToIsoDate(target)] : [];
    }
    case 'last-weekday': {
      assertMonth(rule.month);
      assertWeekday(rule.weekday);
      const last = daysFromCivil(year, rule.month, daysInMonth(year, rule.month));
      return [dayNumberToIsoDate(last - ((weekdayOfDayNumber(last) - rule.weekday + 7) % 7))];
    }
    case 'easter-offset': {
      if (!Number.isInteger(rule.days))
        throw new RangeError(`rule.days must be an integer, got ${rule.days}`);
      return [addDays(easterSunday(year), rule.days)];
    }
    case 'one-off': {
      if (!Array.isArray(rule.dates)) throw new TypeError('rule.dates must be an array of YYYY-MM-DD');
      const prefix = `${String(year).padStart(4, '0')}-`;
      return rule.dates
        .map((date, index) => dayNumberToIsoDate(isoDateToDayNumber(date, `rule.dates[${index}]`)))
        .filter((date) => date.startsWith(prefix))
        .sort();
    }
    case 'day-after': {
      const shift = rule.days ?? 1;
      if (!Number.isInteger(shift)) throw new RangeError(`rule.days must be an integer, got ${shift}`);
      return resolveEventDates(rule.rule, year).map((date) => addDays(date, shift));
    }
    default:
      throw new TypeError(`rule.kind is unknown: "${(rule as { kind?: unknown }).kind}"`);
  }
}
