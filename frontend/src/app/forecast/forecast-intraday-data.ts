/* The intraday view of a forecast run: which day it opens on, and one day's intervals as a chart series.
 * Pure, so it is tested without Angular. */
import type { ForecastDayDto, ForecastIntervalDto } from '@peakplan/contracts';

import type { ForecastActualSeries } from '../charts/forecast-actual-chart/forecast-actual-chart.component';

/** The day the view opens on: the busiest open event day, else the busiest open day; null when all are closed. */
export function defaultIntradayDay(days: readonly ForecastDayDto[]): string | null {
  const open = days.filter((day) => !day.closed);
  const busiest = (candidates: readonly ForecastDayDto[]) =>
    candidates.reduce<ForecastDayDto | null>(
      (best, day) => (best === null || day.p50 > best.p50 ? day : best),
      null,
    );
  return (busiest(open.filter((day) => day.events.length > 0)) ?? busiest(open))?.date ?? null;
}

/** One day's intervals: labels are the local start times (`09:15`), the P50 line and its P10–P90 band. */
export function intradaySeries(intervals: readonly ForecastIntervalDto[]): ForecastActualSeries {
  return {
    labels: intervals.map((interval) => interval.start.slice(11, 16)),
    forecast: intervals.map((interval) => interval.p50),
    p10: intervals.map((interval) => interval.p10),
    p90: intervals.map((interval) => interval.p90),
  };
}

/** The busiest interval of the day (the first if tied), for the line under the chart; null for an empty day. */
export function busiestInterval(intervals: readonly ForecastIntervalDto[]): ForecastIntervalDto | null {
  return intervals.reduce<ForecastIntervalDto | null>(
    (best, interval) => (best === null || interval.p50 > best.p50 ? interval : best),
    null,
  );
}
