import { assertBetween, assertFinite, assertPositive } from './validate';

/** Settings of a deferred queue (email, social). */
export interface WorkloadSettings {
  intervalMinutes: number;
  ahtSeconds: number;
  /** Target occupancy in (0, 1]: the share of paid time spent on the work (default 1). */
  occupancy?: number;
}

/**
 * The simple workload view: agents needed if every interval's work is done in that interval,
 * `volume × AHT / 3600 / occupancy` hours, divided by the interval length in hours
 * (docs/numbers.md "Staffing", deferred queues). Unrounded.
 *
 * @example
 * workloadAgents([120], { intervalMinutes: 60, ahtSeconds: 300, occupancy: 0.8 }); // Float64Array [12.5]
 */
export function workloadAgents(volumes: ArrayLike<number>, settings: WorkloadSettings): Float64Array {
  const perAgent = contactsPerAgentInterval(settings);
  const result = new Float64Array(volumes.length);
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    assertFinite(volume, `volumes[${i}]`, 0);
    result[i] = volume / perAgent;
  }
  return result;
}

/** Contacts one agent clears in one interval at the target occupancy. */
export function contactsPerAgentInterval(settings: WorkloadSettings): number {
  if (settings === null || typeof settings !== 'object') throw new TypeError('settings must be an object');
  assertPositive(settings.intervalMinutes, 'intervalMinutes');
  assertPositive(settings.ahtSeconds, 'ahtSeconds');
  const occupancy = settings.occupancy ?? 1;
  assertBetween(occupancy, 'occupancy', 0, 1, true);
  return (settings.intervalMinutes * 60 * occupancy) / settings.ahtSeconds;
}
