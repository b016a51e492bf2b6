import { civilFromDays, daysFromCivil } from '../calendar/iso-date';

/** An interval start read from text: minutes on one time line, its local date and zone suffix. */
export interface IntervalTime {
  /** Minutes since 1970-01-01T00:00 UTC, or since the same naive local time when no zone is given. */
  minutes: number;
  /** Minutes since 1970-01-01T00:00 in local wall-clock time (as written). */
  localMinutes: number;
  /** The local calendar date as written, `YYYY-MM-DD`. */
  date: string;
  /** The zone suffix as written: `''`, `'Z'` or `'+01:00'`. */
  zone: string;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` without the Date object (Hinnant's days-from-civil,
 * https://howardhinnant.github.io/date_algorithms.html). Without a zone the time is read as naive
 * wall-clock time, so a daylight-saving change shows up as a gap or an overlap: give offsets then.
 *
 * @example
 * parseIntervalTime('2026-02-14T09:15+01:00').minutes; // 29517615 (08:15 UTC)
 */
export function parseIntervalTime(text: string, name = 'start'): IntervalTime {
  const match = typeof text === 'string' ? PATTERN.exec(text.trim()) : null;
  if (!match)
    throw new RangeError(
      `${name} must look like 2026-02-14T09:15 (optionally with Z or ±HH:MM), got "${text}"`,
    );
  const [, year, month, day, hour, minute, second, zone = ''] = match;
  const [y, mo, d, h, mi] = [year, month, day, hour, minute].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || Number(second ?? 0) > 59) {
    throw new RangeError(`${name} is not a valid date and time: "${text}"`);
  }
  const localMinutes = daysFromCivil(y, mo, d) * 1440 + h * 60 + mi;
  let offset = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { minutes: localMinutes - offset, localMinutes, date: `${year}-${month}-${day}`, zone };
}

/** Formats local wall-clock minutes as `YYYY-MM-DDTHH:MM` plus a zone suffix. */
export function formatIntervalTime(localMinutes: number, zone: string): string {
  const days = Math.floor(localMinutes / 1440);
  const inDay = localMinutes - days * 1440;
  const { year: y, month: m, day: d } = civilFromDays(days);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}${zone}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
