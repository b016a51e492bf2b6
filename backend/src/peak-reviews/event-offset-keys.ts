/* Where each day sits in the event calendar: `valentines:-3` for three days before Valentine's, null
 * outside every window. Pure. The reason mix of a forecast day is learned from past days with the same
 * key (forecasting's reasonSharesByDay). */
import { addDays, daysBetween, type EventDefinition, type IsoDate } from '@peakplan/forecasting';

import { eventWindow } from './event-window';

/**
 * A lookup of each day's event offset for the years `fromYear` to `toYear` (one year more on each side
 * for windows that cross New Year). Where windows overlap, the event first in `events` wins.
 * @example eventOffsetKeys([valentines (window 10 before, 1 after)], 2026, 2026)('2026-02-11') // 'valentines:-3'
 */
export function eventOffsetKeys(
  events: readonly EventDefinition[],
  fromYear: number,
  toYear: number,
): (date: IsoDate) => string | null {
  const keys = new Map<IsoDate, string>();
  for (const event of events)
    for (let year = fromYear - 1; year <= toYear + 1; year++) {
      const window = eventWindow(event, year);
      if (!window) continue;
      for (let date = window.from; date <= window.to; date = addDays(date, 1))
        if (!keys.has(date)) keys.set(date, `${event.id}:${daysBetween(window.dates[0], date)}`);
    }
  return (date) => keys.get(date) ?? null;
}
