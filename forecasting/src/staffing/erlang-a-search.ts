import { ErlangAMetrics, erlangAMetrics } from './erlang-a';
import { ResolvedQueueSettings } from './live-queue-settings';
import { occupancyFloor } from './shrinkage';
import { finish, impossible, SERVICE_LEVEL_SLACK } from './staffing-result';
import { IntervalStaffing } from './staffing-types';

/**
 * Erlang A: bisection on agents for the service level (it rises with agents; SL ≤ N/A gives a
 * lower start), and separately for the occupancy cap, applied to the carried load
 * `A·(1 − P(abandon)) / N` since abandoned contacts take no agent time.
 */
export function searchErlangA(load: number, settings: ResolvedQueueSettings): IntervalStaffing {
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
  // The bisection has most often evaluated one agent fewer already (the last count that failed).
  const below =
    slAgents.agents === 0 ? 0 : (slAgents.failedBelow ?? evaluate(slAgents.agents - 1)).serviceLevel;
  const carried = load * (1 - (metrics.abandonment ?? 0));
  const sl = slAgents.metrics.serviceLevel;
  return finish(load, carried, settings, agents, metrics, below, sl, slAgents.agents, 'erlang-a');
}

/**
 * Least agents in (low, ∞) passing a test that, once passed, stays passed; `low` must fail. Also the
 * metrics of one agent fewer where the search evaluated them (null where that is the unevaluated `low`).
 */
function leastAgents(
  low: number,
  start: number,
  passes: (metrics: ErlangAMetrics) => boolean,
  evaluate: (agents: number) => ErlangAMetrics,
  settings: ResolvedQueueSettings,
): { agents: number; metrics: ErlangAMetrics; failedBelow: ErlangAMetrics | null } {
  let high = Math.min(settings.maxAgents, Math.max(low + 1, start));
  let highMetrics = evaluate(high);
  let lowMetrics: ErlangAMetrics | null = null;
  while (!passes(highMetrics)) {
    if (high >= settings.maxAgents) throw impossible(settings);
    [low, lowMetrics] = [high, highMetrics];
    high = Math.min(settings.maxAgents, high * 2);
    highMetrics = evaluate(high);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const metrics = evaluate(middle);
    if (passes(metrics)) [high, highMetrics] = [middle, metrics];
    else [low, lowMetrics] = [middle, metrics];
  }
  return { agents: high, metrics: highMetrics, failedBelow: low === high - 1 ? lowMetrics : null };
}
