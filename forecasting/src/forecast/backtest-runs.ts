import { dayNumberToIsoDate, eventOccurrences, isoDateToDayNumber } from '../calendar';
import { learnClosures } from './closures';
import { componentForecasts, type ComponentForecast, type EngineSetup } from './component-forecasts';
import { dayEventEffectLog } from './event-effects';
import { fitRegressionAtOrigins } from './regression-model';
import { yearOfDayNumber } from './event-window-index';

/** One out-of-sample forecast made at `origin` from the data before it, with the actuals beside it. */
export interface BacktestRun extends ComponentForecast {
  kind: 'peak' | 'regular';
  /** For peak runs: the event and its date. */
  eventId?: string;
  eventName?: string;
  eventDate?: string;
  origin: number;
  actual: number[];
  /** Days scored for this run (peak runs: the event window; regular runs: every day). */
  scored: boolean[];
  /**
   * For a day inside an event window, the fit's event-offset effect β at this origin (log units, see
   * {@link dayEventEffectLog}, borrowed effects included); undefined on an ordinary day.
   */
  eventEffect: (number | undefined)[];
}

/** At least one year plus the level window before an origin, so both baselines exist. */
const MINIMUM_TRAINING_DAYS = 364 + 28;

/**
 * Rolling-origin backtests: for every past event occurrence whose window lies in the history, a
 * forecast made `leadDays` before the event date from the data up to then, scored on its window;
 * plus up to `regularRuns` origins every 91 days back from the end (120-day horizons) so that the
 * prediction intervals also learn ordinary days and long horizons.
 */
export function runBacktestOrigins(setup: EngineSetup, leadDays: number, regularRuns = 4): BacktestRun[] {
  const { series, events } = setup;
  const first = series.startDay;
  const last = series.startDay + series.values.length - 1;
  const plans: {
    origin: number;
    toDay: number;
    kind: BacktestRun['kind'];
    from: number;
    to: number;
    event?: string[];
  }[] = [];
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const occurrence of eventOccurrences(events, yearOfDayNumber(first), yearOfDayNumber(last))) {
    const event = byId.get(occurrence.eventId);
    if (!event) continue;
    const eventDay = isoDateToDayNumber(occurrence.date);
    const origin = eventDay - leadDays;
    const windowTo = eventDay + event.windowAfter;
    if (origin - first < MINIMUM_TRAINING_DAYS || windowTo > last) continue;
    plans.push({
      origin,
      toDay: windowTo,
      kind: 'peak',
      from: Math.max(eventDay - event.windowBefore, origin),
      to: windowTo,
      event: [event.id, event.name, dayNumberToIsoDate(eventDay)],
    });
  }
  for (
    let k = 0, origin = last + 1 - 120;
    k < regularRuns && origin - first >= MINIMUM_TRAINING_DAYS;
    k++, origin -= 91
  )
    plans.push({ origin, toDay: Math.min(origin + 119, last), kind: 'regular', from: origin, to: last });
  const fits = fitRegressionAtOrigins(
    series,
    plans.map((plan) => plan.origin),
    setup.index,
    setup.layout,
    setup.regression,
    setup.excluded,
  );
  const runs: BacktestRun[] = plans.map((plan, k) => {
    const closures = learnClosures(series, plan.origin, setup.index, setup.plannerClosed);
    const forecast = componentForecasts(setup, plan.origin, plan.origin, plan.toDay, {
      fit: fits[k],
      closures,
    });
    const run: BacktestRun = {
      ...forecast,
      kind: plan.kind,
      origin: plan.origin,
      actual: forecast.days.map((day) => series.values[day - first]),
      scored: forecast.days.map(
        (day) => day >= plan.from && day <= plan.to && !Number.isNaN(series.values[day - first]),
      ),
      eventEffect: forecast.days.map((day) => dayEventEffectLog(setup, fits[k], day)),
    };
    if (plan.event) [run.eventId, run.eventName, run.eventDate] = plan.event;
    return run;
  });
  return runs.sort((a, b) => a.origin - b.origin);
}
