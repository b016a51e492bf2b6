import { LiveQueueSettings } from './staffing-types';
import { assertBetween, assertCount, assertFinite, assertPositive } from './validate';

/** Settings checked once and reduced to what the staffing search needs. */
export interface ResolvedQueueSettings {
  intervalSeconds: number;
  /** Chat sessions per agent (1 for phone). */
  concurrency: number;
  /** AHT divided by the chat concurrency: the handle time the queueing model sees. */
  effectiveAhtSeconds: number;
  targetSeconds: number;
  serviceLevel: number;
  /** Patience in seconds (Erlang A), or undefined (Erlang C). */
  patienceSeconds: number | undefined;
  maxOccupancy: number;
  shrinkage: number;
  maxAgents: number;
}

/**
 * Validates queue settings, naming the bad argument, and applies the chat approximation:
 * an agent holding K sessions at once is modelled as one server working K times as fast,
 * `effective AHT = AHT per session / K` (docs/numbers.md "Staffing"). That treats the K sessions as
 * perfectly parallel; it ignores that a busy agent's sessions slow each other down, so it is
 * optimistic for high K — enter the per-session AHT measured under concurrency to offset it.
 */
export function resolveQueueSettings(settings: LiveQueueSettings): ResolvedQueueSettings {
  if (settings === null || typeof settings !== 'object') throw new TypeError('settings must be an object');
  assertPositive(settings.intervalMinutes, 'intervalMinutes');
  assertPositive(settings.ahtSeconds, 'ahtSeconds');
  assertFinite(settings.targetSeconds, 'targetSeconds', 0);
  assertBetween(settings.serviceLevel, 'serviceLevel', 0, 1);
  const concurrency = settings.concurrency ?? 1;
  assertFinite(concurrency, 'concurrency', 1);
  const maxOccupancy = settings.maxOccupancy ?? 1;
  assertBetween(maxOccupancy, 'maxOccupancy', 0, 1, true);
  const shrinkage = settings.shrinkage ?? 0;
  assertFinite(shrinkage, 'shrinkage', 0);
  if (shrinkage >= 1) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  const maxAgents = settings.maxAgents ?? 100_000;
  assertCount(maxAgents, 'maxAgents');
  if (settings.patienceSeconds !== undefined) assertPositive(settings.patienceSeconds, 'patienceSeconds');
  return {
    intervalSeconds: settings.intervalMinutes * 60,
    concurrency,
    effectiveAhtSeconds: settings.ahtSeconds / concurrency,
    targetSeconds: settings.targetSeconds,
    serviceLevel: settings.serviceLevel,
    patienceSeconds: settings.patienceSeconds,
    maxOccupancy,
    shrinkage,
    maxAgents,
  };
}
