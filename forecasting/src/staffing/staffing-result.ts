import { ResolvedQueueSettings } from './live-queue-settings';
import { fractionalScheduled, scheduledAgents } from './shrinkage';
import { IntervalStaffing } from './staffing-types';

/** Tolerance so a service level equal to the target up to rounding counts as met. */
export const SERVICE_LEVEL_SLACK = 1e-12;

/** Queue measures common to Erlang C and A. */
export interface Evaluated {
  serviceLevel: number;
  asa: number;
  occupancy: number;
  probabilityOfWaiting: number;
  abandonment: number | null;
}

/** Rounds, applies shrinkage and the fractional requirement, and labels the model. */
export function finish(
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

export function impossible(settings: ResolvedQueueSettings): RangeError {
  return new RangeError(
    `serviceLevel ${settings.serviceLevel} within targetSeconds ${settings.targetSeconds} cannot be met with at most maxAgents ${settings.maxAgents} agents`,
  );
}
