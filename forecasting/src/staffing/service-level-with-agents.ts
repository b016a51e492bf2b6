import { erlangAMetrics } from './erlang-a';
import { erlangCMetrics } from './erlang-c';

/** A live queue's interval, as far as the service level of a given number of agents depends on it. */
export interface ServiceLevelInterval {
  intervalMinutes: number;
  ahtSeconds: number;
  targetSeconds: number;
  /** Chat sessions per agent: divides the AHT (default 1). */
  concurrency?: number;
  /** Erlang A with this patience; Erlang C when left out, null or 0. */
  patienceSeconds?: number | null;
}

/**
 * The service level that `agents` productive agents reach with `contacts` in one interval: Erlang C,
 * or Erlang A where the queue has a patience, with the chat concurrency dividing the AHT. An interval
 * without contacts is served in full (1). The what-if's "with and without the pool" and the hindsight's
 * "reached" both read it, so that they agree.
 *
 * @example
 * // 100 calls per 30 min, AHT 180 s, 20 s target, 14 agents (pyworkforce's README): 0.8884
 * serviceLevelWithAgents(14, 100, { intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20 });
 */
export function serviceLevelWithAgents(
  agents: number,
  contacts: number,
  interval: ServiceLevelInterval,
): number {
  if (contacts <= 0) return 1;
  const effectiveAht = interval.ahtSeconds / Math.max(1, interval.concurrency ?? 1);
  const load = (contacts * effectiveAht) / (interval.intervalMinutes * 60);
  if (interval.patienceSeconds)
    return erlangAMetrics(agents, load, effectiveAht, interval.patienceSeconds, interval.targetSeconds)
      .serviceLevel;
  return erlangCMetrics(agents, load, effectiveAht, interval.targetSeconds).serviceLevel;
}
