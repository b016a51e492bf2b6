import type { EngineSetup } from './component-forecasts';
import type { FittedDailyModel } from './daily-model';
import type { RegressionFit } from './regression-model';

/** The learned multiplier of one (event, offset): demand × `multiplier` against an ordinary day. */
export interface EventEffect {
  eventId: string;
  offset: number;
  multiplier: number;
}

/**
 * The coefficient β of one (event, offset) feature of a fit, in log(1 + y) units: the day's forecast
 * is exp(β) times what it would be without the event. 0 for an offset never seen in the history.
 * @example eventEffectLog(fit, index.featureAt(valentinesEve)) // ≈ log(3) ≈ 1.1
 */
export function eventEffectLog(fit: RegressionFit, feature: number): number {
  const { layout, coefficients } = fit;
  // Columns: intercept, trend, changepoints, 7 weekdays, Fourier pairs, then one per (event, offset).
  const first = 2 + layout.changepoints.length + 7 + 2 * layout.fourierOrder;
  if (!Number.isInteger(feature) || feature < 0 || feature >= layout.eventFeatures)
    throw new RangeError(`feature must be an integer 0..${layout.eventFeatures - 1}, got ${feature}`);
  return coefficients[first + feature];
}

/**
 * The effect in log units borrowed from another queue for the day's event (see borrowEventEffects):
 * 0 on an ordinary day, for an event this history saw, or without a source.
 */
export function borrowedEffectLog(setup: EngineSetup, day: number): number {
  if (!setup.borrowed) return 0;
  const feature = setup.index.featureAt(day);
  return feature >= 0 ? setup.borrowed.logEffects[feature] : 0;
}

/**
 * The event effect of a day in log units: the fit's β of the (event, offset) owning it, plus the effect
 * borrowed from another queue for an event this history never saw (see borrowEventEffects). Undefined
 * on an ordinary day.
 */
export function dayEventEffectLog(setup: EngineSetup, fit: RegressionFit, day: number): number | undefined {
  const feature = setup.index.featureAt(day);
  if (feature < 0) return undefined;
  return eventEffectLog(fit, feature) + borrowedEffectLog(setup, day);
}

/**
 * Reads the event-offset coefficients of a fitted model as multipliers exp(β) (the model is
 * log-linear, so an effect multiplies the day's level). Offsets never seen in the history stay at 1,
 * unless their event's effects were borrowed from another queue.
 * @example eventEffects(model).find((e) => e.eventId === 'valentines' && e.offset === -1)?.multiplier // ≈ 3
 */
export function eventEffects(model: FittedDailyModel): EventEffect[] {
  return model.setup.index.features.map((feature, k) => ({
    eventId: feature.eventId,
    offset: feature.offset,
    multiplier: Math.exp(eventEffectLog(model.regression, k) + (model.setup.borrowed?.logEffects[k] ?? 0)),
  }));
}
