/* Maps a post-peak review onto what its charts and tables show. Pure, so it is tested without Angular. */
import type {
  HindsightQueueDto,
  HindsightTotals,
  PeakReviewDto,
  PeakReviewSummaryDto,
} from '@peakplan/contracts';

import type { ForecastActualSeries } from '../../charts/forecast-actual-chart/forecast-actual-chart.component';
import { formatNumber, formatPercent } from '../../core/format/organisation-format';

/** Per day of the window: the actual contacts against the plan's forecast. */
export function dailySeries(queue: HindsightQueueDto): ForecastActualSeries {
  return {
    labels: queue.days.map((day) => day.date),
    actual: queue.days.map((day) => day.actual),
    forecast: queue.days.map((day) => day.planForecast),
  };
}

/** The local dates that have interval rows, in order. */
export function intervalDates(queue: HindsightQueueDto): string[] {
  return [...new Set((queue.intervals ?? []).map((slot) => slot.start.slice(0, 10)))];
}

/**
 * Per interval of one local day: actual against the forecast's P50 and its P10–P90 band. Labels are
 * the local clock time (`10:15`), read from the start's own offset, so a clock-change day shows its
 * 92 or 100 intervals as the queue saw them.
 */
export function intervalSeries(queue: HindsightQueueDto, date: string): ForecastActualSeries {
  const slots = (queue.intervals ?? []).filter((slot) => slot.start.startsWith(date));
  return {
    labels: slots.map((slot) => slot.start.slice(11, 16)),
    actual: slots.map((slot) => slot.actual),
    forecast: slots.map((slot) => slot.p50),
    p10: slots.map((slot) => slot.p10),
    p90: slots.map((slot) => slot.p90),
  };
}

/** The day a review opens on: the first event day that has intervals, else the first day with any. */
export function defaultReviewDay(review: PeakReviewDto, queue: HindsightQueueDto): string | null {
  const dates = intervalDates(queue);
  return review.eventDates.find((date) => dates.includes(date)) ?? dates[0] ?? null;
}

/** A key figure of the review, ready to print. */
export interface ReviewFigure {
  label: string;
  value: string;
  hint: string;
}

/** A share as a percentage in the organisation's locale, signed (`+10%`) where asked; a dash where none. */
export function formatShare(value: number | null | undefined, signed = false): string {
  const text = formatPercent(value);
  return signed && value !== null && value !== undefined && value > 0 ? `+${text}` : text;
}

/** Actual contacts against the plan's forecast, as a share of the forecast (+0,1 = 10% more); null without a plan. */
export function forecastGap(totals: HindsightTotals): number | null {
  return totals.planForecast !== null && totals.planForecast > 0
    ? (totals.actual - totals.planForecast) / totals.planForecast
    : null;
}

/** One event's reviews year by year, for the summary table (a year without a review is null). */
export interface PeakYearsRow {
  event: string;
  eventName: string;
  cells: (PeakReviewSummaryDto | null)[];
}

/**
 * Every reviewed peak in one table: a row per event (by name), a column per year (oldest first), so a
 * manager sees the same peak's years side by side.
 */
export function peakYears(summaries: readonly PeakReviewSummaryDto[]): {
  years: number[];
  rows: PeakYearsRow[];
} {
  const years = [...new Set(summaries.map((summary) => summary.year))].sort((a, b) => a - b);
  const events = [...new Map(summaries.map((summary) => [summary.event, summary.eventName])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1]),
  );
  return {
    years,
    rows: events.map(([event, eventName]) => ({
      event,
      eventName,
      cells: years.map(
        (year) => summaries.find((summary) => summary.event === event && summary.year === year) ?? null,
      ),
    })),
  };
}

/** The figures a manager reads first: contacts against forecast, hours over and under, service level. */
export function reviewFigures(totals: HindsightTotals): ReviewFigure[] {
  const gap = forecastGap(totals);
  return [
    {
      label: 'Contacts',
      value: formatNumber(totals.actual),
      hint:
        totals.planForecast === null
          ? 'no plan covered this window'
          : `plan forecast ${formatNumber(totals.planForecast)} (${formatShare(gap, true)})`,
    },
    {
      label: 'Over-staffed',
      value: totals.overStaffedHours === null ? '–' : `${formatNumber(totals.overStaffedHours)} h`,
      hint: `${totals.intervalsOverStaffed} intervals with more people than the actuals needed`,
    },
    {
      label: 'Under-staffed',
      value: totals.underStaffedHours === null ? '–' : `${formatNumber(totals.underStaffedHours)} h`,
      hint: `${totals.intervalsUnderStaffed} intervals short of what the actuals needed`,
    },
    {
      label: 'Service level reached',
      value: formatShare(totals.serviceLevelReached),
      hint: 'estimated (Erlang) from the people rostered and the actual contacts',
    },
  ];
}
