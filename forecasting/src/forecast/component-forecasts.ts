import type { EventDefinition } from '../calendar';
import type { BorrowedEventEffects } from './borrowed-event-effects';
import { eventUpliftBaseline, seasonalNaive, yearOnYearRatio } from './baselines';
import { isClosedDay, learnClosures, type ClosureRules } from './closures';
import { borrowedEffectLog } from './event-effects';
import type { DenseDailySeries } from './daily-history';
import type { EventWindowIndex } from './event-window-index';
import type { RegressionLayout } from './regression-features';
import {
  fitRegression,
  predictRegressionLog,
  type RegressionFit,
  type RegressionOptions,
} from './regression-model';

/** Everything the engine needs to forecast one queue from any origin. */
export interface EngineSetup {
  series: DenseDailySeries;
  events: readonly EventDefinition[];
  index: EventWindowIndex;
  regression: RegressionOptions;
  /** Column layout shared by every fit of this queue (see regressionLayoutFor). */
  layout: RegressionLayout;
  /** Days kept out of every fit (outliers found on the full history, outages). */
  excluded: ReadonlySet<number>;
  /** Days a planner set closed (see plannerClosedDays). */
  plannerClosed: ReadonlySet<number>;
  /** Effects of events the history never saw, borrowed from another queue (see borrowEventEffects). */
  borrowed?: BorrowedEventEffects;
}

/** The three candidate forecasts for consecutive days, made at one origin. */
export interface ComponentForecast {
  days: number[];
  model: number[];
  naive: number[];
  uplift: number[];
  closed: boolean[];
}

/** Weights of the regression model, seasonal naive and event-uplift baseline (sum 1). */
export interface CombinationWeights {
  model: number;
  naive: number;
  uplift: number;
}

/**
 * Fits the regression on the days before `origin` and returns all three candidates for
 * `fromDay..toDay` (day numbers, inclusive). Closed days are 0 in every candidate.
 */
export function componentForecasts(
  setup: EngineSetup,
  origin: number,
  fromDay: number,
  toDay: number,
  fitted?: { fit: RegressionFit; closures: ClosureRules },
): ComponentForecast {
  const fit =
    fitted?.fit ??
    fitRegression(setup.series, origin, setup.index, setup.layout, setup.regression, setup.excluded, false);
  const closures = fitted?.closures ?? learnClosures(setup.series, origin, setup.index, setup.plannerClosed);
  const ratio = yearOnYearRatio(setup.series, origin);
  const result: ComponentForecast = { days: [], model: [], naive: [], uplift: [], closed: [] };
  for (let day = fromDay; day <= toDay; day++) {
    const closed = isClosedDay(closures, day, setup.index);
    result.days.push(day);
    result.closed.push(closed);
    const log = predictRegressionLog(fit, setup.index, day) + borrowedEffectLog(setup, day);
    result.model.push(closed ? 0 : Math.max(0, Math.expm1(log)));
    result.naive.push(closed ? 0 : seasonalNaive(setup.series, origin, day));
    result.uplift.push(closed ? 0 : eventUpliftBaseline(setup.series, origin, day, ratio, setup.index));
  }
  return result;
}

/** Weighted combination of the candidates on day i; a missing baseline gives its weight to the others. */
export function combineAt(forecast: ComponentForecast, weights: CombinationWeights, i: number): number {
  if (forecast.closed[i]) return 0;
  let sum = 0;
  let weight = 0;
  const model = forecast.model[i];
  const naive = forecast.naive[i];
  const uplift = forecast.uplift[i];
  if (weights.model > 0) {
    sum += weights.model * model;
    weight += weights.model;
  }
  if (weights.naive > 0 && !Number.isNaN(naive)) {
    sum += weights.naive * naive;
    weight += weights.naive;
  }
  if (weights.uplift > 0 && !Number.isNaN(uplift)) {
    sum += weights.uplift * uplift;
    weight += weights.uplift;
  }
  return weight > 0 ? sum / weight : forecast.model[i];
}
