import { assertCount, assertFinite } from './validate';

/**
 * Erlang B blocking probability of `agents` servers offered `load` Erlangs (M/M/N/N).
 *
 * Uses the textbook recursion `B(0) = 1`, `B(k) = A·B(k−1) / (k + A·B(k−1))` (e.g. Cooper,
 * *Introduction to Queueing Theory*, 2nd ed., §3.5): no factorials or powers, every step a
 * ratio in [0, 1], so it is finite and accurate for thousands of agents and Erlangs. O(agents).
 *
 * @example
 * erlangB(2, 1); // 0.2 (= (1²/2!) / (1 + 1 + 1²/2!))
 */
export function erlangB(agents: number, load: number): number {
  assertCount(agents, 'agents');
  assertFinite(load, 'load', 0);
  let blocking = 1;
  for (let k = 1; k <= agents; k++) blocking = (load * blocking) / (k + load * blocking);
  return blocking;
}

/**
 * Advances an Erlang B value from `agents − 1` to `agents` servers (one step of the recursion);
 * lets a search over agent counts stay O(1) per step.
 *
 * @example
 * erlangBStep(erlangB(1, 1), 2, 1); // 0.2
 */
export function erlangBStep(previousBlocking: number, agents: number, load: number): number {
  return (load * previousBlocking) / (agents + load * previousBlocking);
}
