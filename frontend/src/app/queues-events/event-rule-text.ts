import type { EventRuleDto } from '@peakplan/contracts';
import { addDays, resolveEventDates, type EventRule } from '@peakplan/forecasting/browser';

/**
 * Event date rules in words and their next dates, for the events page. The dates come from the same
 * calendar code the server's forecasts use (forecasting's browser entry point), so the preview is what
 * the forecast will see.
 */

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'];

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}

function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? `weekday ${weekday}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${Math.abs(count) === 1 ? '' : 's'}`;
}

/** `{ kind: 'nth-weekday', month: 5, weekday: 0, n: 2 }` → `2nd Sunday of May`. */
export function describeEventRule(rule: EventRuleDto): string {
  switch (rule.kind) {
    case 'fixed':
      return `${rule.day} ${monthName(rule.month)} every year`;
    case 'nth-weekday':
      return `${ORDINALS[rule.n - 1] ?? `${rule.n}th`} ${weekdayName(rule.weekday)} of ${monthName(rule.month)}`;
    case 'last-weekday':
      return `last ${weekdayName(rule.weekday)} of ${monthName(rule.month)}`;
    case 'easter-offset':
      if (rule.days === 0) return 'Easter Sunday';
      return `${plural(Math.abs(rule.days), 'day')} ${rule.days < 0 ? 'before' : 'after'} Easter Sunday`;
    case 'one-off':
      return rule.dates.length === 1
        ? `once, on ${rule.dates[0]}`
        : `on ${rule.dates.length} dates: ${rule.dates.join(', ')}`;
    case 'day-after': {
      const days = rule.days ?? 1;
      const shift =
        days === 1 ? 'the day after' : `${plural(Math.abs(days), 'day')} ${days < 0 ? 'before' : 'after'}`;
      return `${shift} the ${describeEventRule(rule.rule)}`;
    }
  }
}

export interface UpcomingOccurrence {
  date: string;
  windowFrom: string;
  windowTo: string;
}

/**
 * The next `count` dates of a rule on or after `today`, each with its window. Looks ahead 6 years; a
 * rule the calendar refuses gives an empty list and the reason.
 */
export function upcomingOccurrences(
  rule: EventRuleDto,
  windowBefore: number,
  windowAfter: number,
  today: string,
  count = 3,
): { occurrences: UpcomingOccurrence[]; problem: string | null } {
  const firstYear = Number(today.slice(0, 4));
  const dates: string[] = [];
  try {
    for (let year = firstYear; year < firstYear + 6 && dates.length < count; year += 1) {
      for (const date of resolveEventDates(rule as EventRule, year)) {
        if (date >= today && dates.length < count) dates.push(date);
      }
    }
  } catch (error) {
    return { occurrences: [], problem: error instanceof Error ? error.message : String(error) };
  }
  return {
    occurrences: dates.map((date) => ({
      date,
      windowFrom: addDays(date, -windowBefore),
      windowTo: addDays(date, windowAfter),
    })),
    problem: null,
  };
}
