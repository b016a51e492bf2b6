import { ErlangAMetrics, erlangAMetrics } from './erlang-a';
import { erlangBStep } from './erlang-b';
import { erlangCMetricsFromB } from './erlang-c';
import { resolveQueueSettings, ResolvedQueueSettings } from './live-queue-settings';
import { fractionalScheduled, occupancyFloor, scheduledAgents } from './shrinkage';
import { IntervalStaffing, LiveQueueInterval } from './staffing-types';
import { assertFinite } from './validate';

/** Tolerance so a service level equal to the target up to rounding counts as met. */
const SERVICE_LEVEL_SLACK = 1e-12;

/**
 * Staffs one live-queue interval: the least productive agents meeting the service-level target
 * and the occupancy cap, the agents to schedule after shrinkage, and the fractional requirement.
 * Erlang C without `patienceSeconds`, Erlang A with it (service level over all offered contacts,
 * abandoned ones included — one definition everywhere). Chat: AHT / concurrency.
 * Zero contacts need zero agents.
 *
 * @example
 * // callcentrehelper.com Erlang C worked example (also pyworkforce's first test):
 * staffInterval({ contacts: 100, intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20,
 *   serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
 * // { agents: 14, scheduled: 20, serviceLevel: 0.888, occupancy: 0.714, probabilityOfWaiting: 0.174, ... }
 */
export function staffInterval(params: LiveQueueInterval): IntervalStaffing {
  const settings = resolveQueueSettings(params);
  assertFinite(params.contacts, 'contacts', 0);
  return staffResolved(params.contacts, settings);
}

/** {@link staffInterval} on settings already resolved (the vectorised path reuses them). */
export function staffResolved(contacts: number, settings: ResolvedQueueSettings): IntervalStaffing {
  const load = (contacts * settings.effectiveAhtSeconds) / settings.intervalSeconds;
  const search = settings.patienceSeconds === undefined ? searchErlangC : searchErlangA;
  return search(load, settings);
}

interface Evaluated {
  serviceLevel: number;
  asa: number;
  occupancy: number;
  probabilityOfWaiting: number;
  abandonment: number | null;
}

function finish(
  load: number,
  workingLoad: number,
  settings: ResolvedQueueSettings,
  agents: number,
  metrics: Evaluated,
  belowServiceLevel: number,
  atServiceLevel: number,
  slAgents: number,
  model: IntervalStaffing['model'],
): IntervalStaffing {
  let fractional = 0;
  if (slAgents > 0) {
    const rise = atServiceLevel - belowServiceLevel;
    const share = rise > 0 ? (settings.serviceLevel - belowServiceLevel) / rise : 1;
    fractional = slAgents - 1 + Math.min(1, Math.max(0, share));
  }
  fractional = Math.max(fractional, workingLoad / settings.maxOccupancy);
  return {
    agents,
    scheduled: scheduledAgents(agents, settings.shrinkage),
    fractionalAgents: fractional,
    fractionalScheduled: fractionalScheduled(fractional, settings.shrinkage),
    load,
    ...metrics,
    model,
  };
}

function impossible(settings: ResolvedQueueSettings): RangeError {
  return new RangeError(
    `serviceLevel ${settings.serviceLevel} within targetSeconds ${settings.targetSeconds} cannot be met with at most maxAgents ${settings.maxAgents} agents`,
  );
}

/** Erlang C: walk up from ⌊A⌋ + 1 agents with the O(1) Erlang B step. */
function searchErlangC(load: number, settings: ResolvedQueueSettings): IntervalStaffing {
  const { effectiveAhtSeconds: aht, targetSeconds: target } = settings;
  if (load === 0) {
    const idle = { ...erlangCMetricsFromB(0, 0, 0, aht, target), abandonment: null };
    return finish(0, 0, settings, 0, idle, 0, 1, 0, 'erlang-c');
  }
  let agents = Math.floor(load) + 1;
  let blocking = 1;
  for (let k = 1; k < agents; k++) blocking = erlangBStep(blocking, k, load);
  let below = 0; // service level with ⌊A⌋ agents or fewer is 0: the queue is unstable
  const previousBlocking = blocking;
  blocking = erlangBStep(previousBlocking, agents, load);
  let metrics = erlangCMetricsFromB(blocking, agents, load, aht, target);
  while (metrics.serviceLevel < settings.serviceLevel - SERVICE_LEVEL_SLACK) {
    if (agents >= settings.maxAgents) throw impossible(settings);
    below = metrics.serviceLevel;
    agents++;
    blocking = erlangBStep(blocking, agents, load);
    metrics = erlangCMetricsFromB(blocking, agents, load, aht, target);
  }
  const slAgents = agents;
  const slLevel = metrics.serviceLevel;
  const floor = occupancyFloor(load, settings.maxOccupancy);
  while (agents < floor) {
    agents++;
    blocking = erlangBStep(blocking, agents, load);
    metrics = erlangCMetricsFromB(blocking, agents, load, aht, target);
  }
  if (agents > settings.maxAgents) throw impossible(settings);
  const measured = { ...metrics, abandonment: null };
  return finish(load, load, settings, agents, measured, below, slLevel, slAgents, 'erlang-c');
}

/**
 * Erlang A: bisection on agents for the service level (it rises with agents; SL ≤ N/A gives a
 * lower start), and separately for the occupancy cap, applied to the carried load
 * `A·(1 − P(abandon)) / N` since abandoned contacts take no agent time.
 */
function searchErlangA(load: number, settings: ResolvedQueueSettings): IntervalStaffing {
  const patience = settings.patienceSeconds as number;
  const evaluate = (agents: number) =>
    erlangAMetrics(agents, load, settings.effectiveAhtSeconds, patience, settings.targetSeconds);
  if (load === 0) return finish(0, 0, settings, 0, evaluate(0), 0, 1, 0, 'erlang-a');
  const slAgents = leastAgents(
    Math.max(0, Math.floor(settings.serviceLevel * load) - 1),
    Math.ceil(load) + 1,
    (metrics) => metrics.serviceLevel >= settings.serviceLevel - SERVICE_LEVEL_SLACK,
    evaluate,
    settings,
  );
  let agents = slAgents.agents;
  let metrics = slAgents.metrics;
  if (settings.maxOccupancy < 1 && metrics.occupancy > settings.maxOccupancy) {
    const capped = leastAgents(
      agents,
      occupancyFloor(load, settings.maxOccupancy),
      (candidate) => candidate.occupancy <= settings.maxOccupancy + SERVICE_LEVEL_SLACK,
      evaluate,
      settings,
    );
    agents = capped.agents;
    metrics = capped.metrics;
  }
  const below = slAgents.agents === 0 ? 0 : evaluate(slAgents.agents - 1).serviceLevel;
  const carried = load * (1 - (metrics.abandonment ?? 0));
  const sl = slAgents.metrics.serviceLevel;
  return finish(load, carried, settings, agents, metrics, below, sl, slAgents.agents, 'erlang-a');
}

/** Least agents in (low, ∞) passing a test that, once passed, stays passed; `low` must fail. */
function leastAgents(
  low: number,
  start: number,
  passes: (metrics: ErlangAMetrics) => boolean,
  evaluate: (agents: number) => ErlangAMetrics,
  settings: ResolvedQueueSettings,
): { agents: number; metrics: ErlangAMetrics } {
  let high = Math.min(settings.maxAgents, Math.max(low + 1, start));
  let highMetrics = evaluate(high);
  while (!passes(highMetrics)) {
    if (high >= settings.maxAgents) throw impossible(settings);
    low = high;
    high = Math.min(settings.maxAgents, high * 2);
    highMetrics = evaluate(high);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const metrics = evaluate(middle);
    if (passes(metrics)) [high, highMetrics] = [middle, metrics];
    else low = middle;
  }
  return { agents: high, metrics: highMetrics };
}
