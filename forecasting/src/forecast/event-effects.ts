import type { FittedDailyModel } from './daily-model';

/** The learned multiplier of one (event, offset): demand × `multiplier` against an ordinary day. */
export interface EventEffect {
  eventId: string;
  offset: number;
  multiplier: number;
}

/**
 * Reads the event-offset coefficients of a fitted model as multipliers exp(β) (the model is
 * log-linear, so an effect multiplies the day's level). Offsets never seen in the history stay at 1.
 * @example eventEffects(model).find((e) => e.eventId === 'valentines' && e.offset === -1)?.multiplier // ≈ 3
 */
export function eventEffects(model: FittedDailyModel): EventEffect[] {
  const { layout, coefficients } = model.regression;
  const first = 2 + layout.changepoints.length + 7 + 2 * layout.fourierOrder;
  return model.setup.index.features.map((feature, k) => ({
    eventId: feature.eventId,
    offset: feature.offset,
    multiplier: Math.exp(coefficients[first + k]),
  }));
}
