import { assertFinite } from './validate';

/** Rounding slack so that 14 / (1 − 0.3) = 20.000000000000004 schedules 20, not 21. */
const ROUNDING_SLACK = 1e-9;

/**
 * Agents to schedule so that `productiveAgents` remain after shrinkage (breaks, training,
 * absence): `scheduled = ceil(productive / (1 − shrinkage))` (pyworkforce `required_positions`;
 * callcentrehelper.com Erlang C example: 14 productive at 30% shrinkage → 20 scheduled).
 *
 * @example
 * scheduledAgents(14, 0.3); // 20
 */
export function scheduledAgents(productiveAgents: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(fractionalScheduled(productiveAgents, shrinkage) - ROUNDING_SLACK));
}

/**
 * The unrounded `productive / (1 − shrinkage)`: sum this over a day, not the rounded values,
 * so that shift planning does not pay for rounding twice.
 *
 * @example
 * fractionalScheduled(14, 0.3); // 20.000000000000004 (≈ 20)
 */
export function fractionalScheduled(productiveAgents: number, shrinkage: number): number {
  assertFinite(productiveAgents, 'productiveAgents', 0);
  assertFinite(shrinkage, 'shrinkage', 0);
  if (shrinkage >= 1) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  return productiveAgents / (1 - shrinkage);
}

/**
 * The inverse: whole agents left on the queue when `scheduledAgents` are rostered,
 * `floor(scheduled · (1 − shrinkage))` (20 rostered at 30% shrinkage → 14 productive).
 *
 * @example
 * productiveAgents(20, 0.3); // 14
 */
export function productiveAgents(scheduledAgents: number, shrinkage: number): number {
  return Math.max(0, Math.floor(scheduledAgents * (1 - shrinkage) + ROUNDING_SLACK));
}

/**
 * Least agents so that occupancy `load / agents` does not exceed `maxOccupancy`:
 * `ceil(load / maxOccupancy)` (pyworkforce: 10 Erlangs at 70% → 15 agents).
 *
 * @example
 * occupancyFloor(10, 0.7); // 15
 */
export function occupancyFloor(load: number, maxOccupancy: number): number {
  if (load === 0) return 0;
  return Math.max(0, Math.ceil(load / maxOccupancy - ROUNDING_SLACK));
}
