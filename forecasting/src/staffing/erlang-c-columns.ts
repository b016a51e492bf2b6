import { ResolvedQueueSettings } from './live-queue-settings';
import { impossible, SERVICE_LEVEL_SLACK } from './staffing-result';

/** Typed-array outputs filled by {@link staffErlangCColumns}. */
export interface ErlangCColumnOutputs {
  agents: Int32Array;
  scheduled: Int32Array;
  fractionalAgents: Float64Array;
  fractionalScheduled: Float64Array;
  serviceLevel: Float64Array;
  asa: Float64Array;
  occupancy: Float64Array;
  probabilityOfWaiting: Float64Array;
}

/**
 * The Erlang C search of `searchErlangC`, inlined over whole columns with no objects per interval:
 * Erlang B recursion up to ⌊A⌋ + 1 agents, then one O(1) step per extra agent until
 * `1 − C·e^(−(N−A)·T/AHT)` meets the target, then up to the occupancy floor. Same arithmetic in
 * the same order, so results equal `staffInterval`'s bit for bit (the spec checks it).
 *
 * @example
 * // see staffIntervals, which calls this for Erlang C queues
 */
export function staffErlangCColumns(
  contacts: ArrayLike<number>,
  settings: ResolvedQueueSettings,
  out: ErlangCColumnOutputs,
  ahtPerInterval?: ArrayLike<number>,
): void {
  const target = settings.targetSeconds;
  const goal = settings.serviceLevel - SERVICE_LEVEL_SLACK;
  const keep = 1 - settings.shrinkage;
  for (let i = 0; i < contacts.length; i++) {
    const offered = contacts[i];
    if (typeof offered !== 'number' || !Number.isFinite(offered) || offered < 0) {
      throw new RangeError(`contacts[${i}] must be a finite number ≥ 0, got ${String(offered)}`);
    }
    const aht = ahtPerInterval ? ahtPerInterval[i] / settings.concurrency : settings.effectiveAhtSeconds;
    const load = (offered * aht) / settings.intervalSeconds;
    if (load === 0) {
      out.serviceLevel[i] = 1; // the other columns stay 0
      continue;
    }
    let agents = Math.floor(load) + 1;
    let blocking = 1;
    for (let k = 1; k <= agents; k++) blocking = (load * blocking) / (k + load * blocking);
    let waiting = (agents * blocking) / (agents - load * (1 - blocking));
    let level = 1 - waiting * Math.exp((-(agents - load) * target) / aht);
    let below = 0;
    while (level < goal) {
      if (agents >= settings.maxAgents) throw impossible(settings);
      below = level;
      agents++;
      blocking = (load * blocking) / (agents + load * blocking);
      waiting = (agents * blocking) / (agents - load * (1 - blocking));
      level = 1 - waiting * Math.exp((-(agents - load) * target) / aht);
    }
    const rise = level - below;
    const share = rise > 0 ? (settings.serviceLevel - below) / rise : 1;
    let fractional = agents - 1 + Math.min(1, Math.max(0, share));
    fractional = Math.max(fractional, load / settings.maxOccupancy);
    const floor = Math.max(0, Math.ceil(load / settings.maxOccupancy - 1e-9));
    while (agents < floor) {
      agents++;
      blocking = (load * blocking) / (agents + load * blocking);
      waiting = (agents * blocking) / (agents - load * (1 - blocking));
      level = 1 - waiting * Math.exp((-(agents - load) * target) / aht);
    }
    if (agents > settings.maxAgents) throw impossible(settings);
    out.agents[i] = agents;
    out.scheduled[i] = Math.max(0, Math.ceil(agents / keep - 1e-9));
    out.fractionalAgents[i] = fractional;
    out.fractionalScheduled[i] = fractional / keep;
    out.serviceLevel[i] = level;
    out.asa[i] = (waiting * aht) / (agents - load);
    out.occupancy[i] = load / agents;
    out.probabilityOfWaiting[i] = waiting;
  }
}
