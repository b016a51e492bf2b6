/**
 * Calendar-date helpers on `YYYY-MM-DD` strings. Dates are calendar days in the organisation's time
 * zone, so arithmetic runs in UTC to stay clear of the browser's own daylight-saving jumps.
 * Pure: no Angular, no clock (today is passed in), so `*.pure.spec.ts` can test it under plain jest.
 */

export interface DateRange {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, inclusive
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMs(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`date must be a valid YYYY-MM-DD, got "${isoDate}"`);
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return fromUtcMs(toUtcMs(isoDate) + days * MS_PER_DAY);
}

/** Same calendar day `years` later (negative: earlier); 29 Feb falls back to 28 Feb. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  toUtcMs(isoDate);
  const lastDayOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year + years, month - 1, Math.min(day, lastDayOfMonth)));
}

/** Every calendar day from `from` to `to`, both included; empty when `from` is after `to`. */
export function enumerateDates(from: string, to: string): string[] {
  const start = toUtcMs(from);
  const end = toUtcMs(to);
  const dates: string[] = [];
  for (let ms = start; ms <= end; ms += MS_PER_DAY) dates.push(fromUtcMs(ms));
  return dates;
}

/**
 * The default history window: the last `years` years up to yesterday (history is complete up to
 * yesterday; today is still filling up).
 */
export function lastYearsRange(today: string, years = 2): DateRange {
  const to = addDays(today, -1);
  return { from: addDays(addYears(to, -years), 1), to };
}

export function lastDaysRange(today: string, days: number): DateRange {
  const to = addDays(today, -1);
  return { from: addDays(to, -(days - 1)), to };
}

/** Why a range cannot be used, or null when it can. */
export function dateRangeProblem(range: DateRange): string | null {
  if (!isIsoDate(range.from)) return 'Enter a valid start date.';
  if (!isIsoDate(range.to)) return 'Enter a valid end date.';
  if (range.from > range.to) return 'The start date must be on or before the end date.';
  return null;
}

/** Today's calendar date in a time zone, e.g. `todayIn(new Date(), 'Europe/Amsterdam')`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
