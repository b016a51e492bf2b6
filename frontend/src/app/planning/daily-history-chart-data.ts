import type { DailyHistoryResponse, EventOccurrenceDto } from '@peakplan/contracts';

import { enumerateDates } from '../core/dates/date-range';
import { formatCalendarDate, formatNumber } from '../core/format/organisation-format';

/**
 * Maps a queue's daily history and the organisation's event occurrences to what the daily history
 * line chart draws. Pure (type-only imports), so its spec runs under plain jest without Angular.
 */

export interface EventMarker {
  date: string; // YYYY-MM-DD
  /** Position on the date axis (index into `dates`). */
  index: number;
  /** Every event that falls on this day (Christmas and a campaign can share one). */
  names: string[];
  /** Offered contacts that day, or null when the day has no history; where the marker sits. */
  offered: number | null;
  /** One of the day's events closes every queue (Christmas): drawn as closed, never as zero contacts. */
  closed: boolean;
}

export interface DailyHistoryChartData {
  queueName: string;
  /** One entry per calendar day of the range, gaps included, so the x axis is true to time. */
  dates: string[];
  /** Null where the history has no row for that day: drawn as a gap, never as a zero. */
  offered: (number | null)[];
  handled: (number | null)[];
  abandoned: (number | null)[];
  eventMarkers: EventMarker[];
  /** Days in the range with history. */
  daysWithHistory: number;
  totalOffered: number;
  /** Busiest day in the range, or null when there is no history. */
  peakDay: { date: string; offered: number } | null;
}

export function toDailyHistoryChartData(
  history: DailyHistoryResponse,
  occurrences: readonly EventOccurrenceDto[],
  closedEventIds: ReadonlySet<string> = new Set(),
): DailyHistoryChartData {
  const dates = history.from <= history.to ? enumerateDates(history.from, history.to) : [];
  const indexByDate = new Map(dates.map((date, index) => [date, index]));

  const offered: (number | null)[] = dates.map(() => null);
  const handled: (number | null)[] = dates.map(() => null);
  const abandoned: (number | null)[] = dates.map(() => null);
  let daysWithHistory = 0;
  let totalOffered = 0;
  let peakDay: DailyHistoryChartData['peakDay'] = null;

  for (const day of history.days) {
    const index = indexByDate.get(day.date);
    if (index === undefined) continue; // outside the requested range: not ours to draw
    if (offered[index] === null) daysWithHistory += 1;
    // Two rows for one day would be a server bug; summing keeps the chart honest about the totals.
    offered[index] = (offered[index] ?? 0) + day.offered;
    handled[index] = (handled[index] ?? 0) + day.handled;
    abandoned[index] = (abandoned[index] ?? 0) + day.abandoned;
    totalOffered += day.offered;
  }
  dates.forEach((date, index) => {
    const value = offered[index];
    if (value !== null && (peakDay === null || value > peakDay.offered)) peakDay = { date, offered: value };
  });

  const namesByDate = new Map<string, string[]>();
  const closedDates = new Set<string>();
  for (const occurrence of occurrences) {
    if (!indexByDate.has(occurrence.date)) continue;
    const names = namesByDate.get(occurrence.date) ?? [];
    if (!names.includes(occurrence.name)) names.push(occurrence.name);
    namesByDate.set(occurrence.date, names);
    if (closedEventIds.has(occurrence.eventId)) closedDates.add(occurrence.date);
  }
  const eventMarkers: EventMarker[] = [...namesByDate.entries()]
    .map(([date, names]) => {
      const index = indexByDate.get(date) as number;
      return { date, index, names, offered: offered[index], closed: closedDates.has(date) };
    })
    .sort((a, b) => a.index - b.index);

  return {
    queueName: history.queueName,
    dates,
    offered,
    handled,
    abandoned,
    eventMarkers,
    daysWithHistory,
    totalOffered,
    peakDay,
  };
}

export interface HistoryFacts {
  offered: string;
  busiestDay: { date: string; offered: string } | null;
}

/**
 * The numbers above a history chart in the organisation's locale, as its axis and every other page
 * write them (`1.817.381`, `ma 22 dec 2025` in nl-NL): Angular's number pipe wrote them en-US.
 */
export function historyFacts(
  chart: Pick<DailyHistoryChartData, 'totalOffered' | 'peakDay'>,
  locale?: string,
): HistoryFacts {
  return {
    offered: formatNumber(chart.totalOffered, 0, locale),
    busiestDay: chart.peakDay
      ? {
          date: formatCalendarDate(chart.peakDay.date, 'long', locale),
          offered: formatNumber(chart.peakDay.offered, 0, locale),
        }
      : null,
  };
}
