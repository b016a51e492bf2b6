import type { DailyHistoryResponse, ForecastRunDetail } from '@peakplan/contracts';

import { addDays, enumerateDates } from '../core/dates/date-range';

/**
 * Maps a forecast run and the queue's recent history to what the forecast chart draws: actual
 * contacts before the forecast, P50 with its P10–P90 band after, event windows as named spans and
 * closed days. Pure (type-only imports), so its spec runs under plain jest.
 */

export interface EventWindowSpan {
  key: string;
  name: string;
  /** Indexes into `dates`, inclusive. */
  startIndex: number;
  endIndex: number;
}

export interface ForecastChartData {
  queueName: string;
  dates: string[];
  /** Offered contacts per day before the forecast starts; null where there is no history or in the forecast. */
  actual: (number | null)[];
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
  /** Consecutive days in one event's window, one span each; a span is cut where the window is. */
  eventWindows: EventWindowSpan[];
  /** Indexes of days the forecast says are closed. */
  closedIndexes: number[];
  /** Index of the first forecast day, for the "forecast starts" line; -1 without forecast days. */
  forecastStartIndex: number;
  totalP50: number;
}

/**
 * @param historyDays days of history shown before the forecast (taken from `history`, which should cover them).
 * @param eventNames event key → name (unknown keys show the key).
 */
export function toForecastChartData(
  run: Pick<ForecastRunDetail, 'queueName' | 'forecastFrom' | 'days'>,
  history: Pick<DailyHistoryResponse, 'days'> | null,
  eventNames: ReadonlyMap<string, string>,
  historyDays: number,
): ForecastChartData {
  const forecastDays = [...run.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (forecastDays.length === 0) {
    return {
      queueName: run.queueName,
      dates: [],
      actual: [],
      p10: [],
      p50: [],
      p90: [],
      eventWindows: [],
      closedIndexes: [],
      forecastStartIndex: -1,
      totalP50: 0,
    };
  }
  const first = forecastDays[0].date;
  const last = forecastDays[forecastDays.length - 1].date;
  const historyStart = historyDays > 0 ? addDays(first, -historyDays) : first;
  const dates = enumerateDates(historyStart, last);
  const indexOf = new Map(dates.map((date, index) => [date, index]));
  const empty = () => dates.map(() => null as number | null);
  const actual = empty();
  const p10 = empty();
  const p50 = empty();
  const p90 = empty();

  for (const day of history?.days ?? []) {
    const index = indexOf.get(day.date);
    if (index !== undefined && day.date < first) actual[index] = (actual[index] ?? 0) + day.offered;
  }

  const closedIndexes: number[] = [];
  const eventWindows: EventWindowSpan[] = [];
  const open = new Map<string, EventWindowSpan>();
  let totalP50 = 0;
  for (const day of forecastDays) {
    const index = indexOf.get(day.date)!;
    p10[index] = day.p10;
    p50[index] = day.p50;
    p90[index] = day.p90;
    totalP50 += day.p50;
    if (day.closed) closedIndexes.push(index);
    for (const key of day.events) {
      const span = open.get(key);
      if (span && span.endIndex === index - 1) span.endIndex = index;
      else {
        const created = { key, name: eventNames.get(key) ?? key, startIndex: index, endIndex: index };
        eventWindows.push(created);
        open.set(key, created);
      }
    }
  }
  eventWindows.sort((a, b) => a.startIndex - b.startIndex || a.key.localeCompare(b.key));
  return {
    queueName: run.queueName,
    dates,
    actual,
    p10,
    p50,
    p90,
    eventWindows,
    closedIndexes,
    forecastStartIndex: indexOf.get(first)!,
    totalP50,
  };
}
