import {
  dayNumberToIsoDate,
  eventOccurrences,
  eventPresets,
  type EventDefinition,
  type EventRule,
  type IsoDate,
} from '../calendar';
import type { EventEffectSource } from './borrowed-event-effects';
import { isClosedDay, learnClosures, weekdayOf } from './closures';
import type { EngineSetup } from './component-forecasts';
import { toDenseSeries, type DailyObservation } from './daily-history';
import { buildEventWindowIndex, yearOfDayNumber } from './event-window-index';
import { plannerClosedDays } from './planner-closed-days';
import {
  DEFAULT_REGRESSION_OPTIONS,
  fitRegression,
  predictRegressionLog,
  regressionLayoutFor,
  type RegressionOptions,
} from './regression-model';

export interface DailyModelOptions {
  /** Country for the event presets and public-holiday closures (default `NL`). */
  country?: string;
  /** Events to model; default `eventPresets(country)`. */
  events?: readonly EventDefinition[];
  /** Days between the forecast origin and the event date in the peak backtests (default 28). */
  leadDays?: number;
  regression?: Partial<RegressionOptions>;
  /**
   * Days a planner set closed for this queue, as date rules (e.g. `{ kind: 'fixed', month: 12, day: 24 }`);
   * events with `closed: true` are closed on their date as well. Forecast 0 with a 0 band.
   */
  closedDays?: readonly EventRule[];
  /**
   * Another queue of the organisation (only its days before this history's end count) that lends its
   * event effects to the events this history never saw, in forecasts (fitDailyModel; the peak
   * backtest has no window of such an event to score). Without it such events get no uplift.
   */
  eventEffectSource?: EventEffectSource;
}

/** A day left out of the fit, with what the model expected instead. */
export interface OutlierDay {
  date: IsoDate;
  offered: number;
  expected: number;
  reason: string;
}

/**
 * Builds the engine setup shared by {@link fitDailyModel} and {@link runBacktest}: the validated dense
 * series, the events and their window index (with public holidays), the column layout, the full fit
 * with outlier detection, closures, and the outlier report: days far from the model, and zero days on
 * normally open days (outages), which are kept out of every later fit.
 */
export function prepareEngine(history: readonly DailyObservation[], options: DailyModelOptions = {}) {
  const series = toDenseSeries(history);
  const country = options.country ?? 'NL';
  const events = options.events ?? eventPresets(country);
  const leadDays = options.leadDays ?? 28;
  if (!Number.isInteger(leadDays) || leadDays < 1 || leadDays > 365)
    throw new RangeError(`leadDays must be an integer 1..365, got ${leadDays}`);
  const first = series.startDay;
  const last = first + series.values.length - 1;
  eventOccurrences(events, yearOfDayNumber(first), yearOfDayNumber(first)); // validates the definitions
  const index = buildEventWindowIndex(events, yearOfDayNumber(first) - 1, yearOfDayNumber(last) + 3, country);
  const regression = { ...DEFAULT_REGRESSION_OPTIONS, ...options.regression };
  const plannerClosed = plannerClosedDays(
    options.closedDays ?? [],
    events,
    yearOfDayNumber(first) - 1,
    yearOfDayNumber(last) + 3,
  );
  const closures = learnClosures(series, last + 1, index, plannerClosed);
  const layout = regressionLayoutFor(series, index, regression);
  const fit = fitRegression(series, last + 1, index, layout, regression, new Set(), true);
  const outliers: OutlierDay[] = [];
  const excluded = new Set(fit.outliers);
  for (const day of fit.outliers)
    outliers.push({
      date: dayNumberToIsoDate(day),
      offered: series.values[day - first],
      expected: Math.max(0, Math.expm1(predictRegressionLog(fit, index, day))),
      reason: 'far from the model (robust z-score above threshold)',
    });
  series.values.forEach((value, i) => {
    const day = first + i;
    if (value !== 0 || closures.closedWeekdays[weekdayOf(day)] || index.holidaysAt(day).length > 0) return;
    if (isClosedDay(closures, day, index)) return;
    excluded.add(day);
    outliers.push({
      date: dayNumberToIsoDate(day),
      offered: 0,
      expected: Math.max(0, Math.expm1(predictRegressionLog(fit, index, day))),
      reason: 'zero volume on a normally open day (outage or missing data?)',
    });
  });
  outliers.sort((a, b) => (a.date < b.date ? -1 : 1));
  const setup: EngineSetup = { series, events, index, regression, layout, excluded, plannerClosed };
  return { setup, fit, closures, outliers, leadDays, first, last };
}
