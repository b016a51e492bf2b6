import { erlangBStep } from './erlang-b';
import { erlangCMetricsFromB } from './erlang-c';
import { ResolvedQueueSettings } from './live-queue-settings';
import { occupancyFloor } from './shrinkage';
import { finish, impossible, SERVICE_LEVEL_SLACK } from './staffing-result';
import { IntervalStaffing } from './staffing-types';

/** Erlang C: walk up from ⌊A⌋ + 1 agents with the O(1) Erlang B step. */
export function searchErlangC(load: number, settings: ResolvedQueueSettings): IntervalStaffing {
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
