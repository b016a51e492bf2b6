/* The window of days an event shapes in one year, from the calendar engine. Pure. */
import { addDays, eventOccurrences, type EventDefinition } from '@peakplan/forecasting';

export interface EventWindow {
  /** The event's date(s) that year. */
  dates: string[];
  /** First and last day of the window, local dates inclusive. */
  from: string;
  to: string;
}

/**
 * `windowBefore` days before the event's first date that year to `windowAfter` days after its last;
 * null when the rule gives no date that year (a one-off event of another year).
 * @example eventWindow({ id: 'valentines', name: "Valentine's Day", rule: { kind: 'fixed', month: 2, day: 14 },
 *   windowBefore: 10, windowAfter: 1 }, 2026) // { dates: ['2026-02-14'], from: '2026-02-04', to: '2026-02-15' }
 */
export function eventWindow(event: EventDefinition, year: number): EventWindow | null {
  const dates = eventOccurrences([event], year, year).map((occurrence) => occurrence.date);
  if (dates.length === 0) return null;
  return {
    dates,
    from: addDays(dates[0], -event.windowBefore),
    to: addDays(dates.at(-1)!, event.windowAfter),
  };
}
