import type { ScenarioIntervalDto } from '@peakplan/contracts';

/** A scenario interval for the heatmap's specs: what matters is its queue, start and staffing. */
export function scenarioInterval(
  queue: string,
  start: string,
  scheduled: number,
  core: number,
): ScenarioIntervalDto {
  return {
    queue,
    start,
    forecast: 0,
    required: scheduled - 1,
    scheduled,
    core,
    poolGap: Math.max(0, scheduled - core),
    serviceLevelWithoutPool: null,
    serviceLevelWithPool: null,
  };
}
