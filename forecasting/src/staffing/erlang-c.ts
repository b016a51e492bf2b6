import { erlangB } from './erlang-b';
import { assertCount, assertFinite, assertPositive } from './validate';

/**
 * Erlang C probability that a contact waits (M/M/N, infinite patience), from Erlang B:
 * `C = N·B / (N − A·(1 − B))` for `N > A` (Cooper §5.2); `C = 1` when `N ≤ A` (the queue
 * grows without bound, so every contact waits).
 *
 * @example
 * erlangC(14, 10); // 0.174132 (callcentrehelper.com worked example: 0.1741)
 */
export function erlangC(agents: number, load: number): number {
  return erlangCFromB(erlangB(agents, load), agents, load);
}

/** Erlang C from an Erlang B value already computed for the same agents and load. */
export function erlangCFromB(blocking: number, agents: number, load: number): number {
  if (load === 0) return 0;
  if (agents <= load) return 1;
  return (agents * blocking) / (agents - load * (1 - blocking));
}

/** Queue measures of an M/M/N queue. */
export interface ErlangCMetrics {
  /** Probability that a contact waits at all (Erlang C). */
  probabilityOfWaiting: number;
  /** Fraction of contacts answered within the target: `1 − C·e^(−(N−A)·T/AHT)`. */
  serviceLevel: number;
  /** Average speed of answer over all contacts, seconds: `C·AHT/(N−A)`; Infinity when N ≤ A. */
  asa: number;
  /** Agent occupancy `A/N` (1 when N ≤ A: agents never idle). */
  occupancy: number;
}

/**
 * Service level, ASA and occupancy of `agents` serving `load` Erlangs with a handle time of
 * `ahtSeconds` and an answer-time target of `targetSeconds` (formulas: Cooper §5.2; the same
 * as pyworkforce and the callcentrehelper.com Erlang C worked example).
 *
 * @example
 * erlangCMetrics(14, 10, 180, 20);
 * // { probabilityOfWaiting: 0.1741, serviceLevel: 0.8884, asa: 7.84, occupancy: 0.7143 } (rounded)
 */
export function erlangCMetrics(
  agents: number,
  load: number,
  ahtSeconds: number,
  targetSeconds: number,
): ErlangCMetrics {
  assertCount(agents, 'agents');
  assertFinite(load, 'load', 0);
  assertPositive(ahtSeconds, 'ahtSeconds');
  assertFinite(targetSeconds, 'targetSeconds', 0);
  return erlangCMetricsFromB(erlangB(agents, load), agents, load, ahtSeconds, targetSeconds);
}

/** As {@link erlangCMetrics}, from an Erlang B value already computed (no argument checks). */
export function erlangCMetricsFromB(
  blocking: number,
  agents: number,
  load: number,
  ahtSeconds: number,
  targetSeconds: number,
): ErlangCMetrics {
  if (load === 0) return { probabilityOfWaiting: 0, serviceLevel: 1, asa: 0, occupancy: 0 };
  if (agents <= load) return { probabilityOfWaiting: 1, serviceLevel: 0, asa: Infinity, occupancy: 1 };
  const waiting = erlangCFromB(blocking, agents, load);
  const spare = agents - load;
  return {
    probabilityOfWaiting: waiting,
    serviceLevel: 1 - waiting * Math.exp((-spare * targetSeconds) / ahtSeconds),
    asa: (waiting * ahtSeconds) / spare,
    occupancy: load / agents,
  };
}
