import { searchErlangA } from './erlang-a-search';
import { searchErlangC } from './erlang-c-search';
import { resolveQueueSettings, ResolvedQueueSettings } from './live-queue-settings';
import { IntervalStaffing, LiveQueueInterval } from './staffing-types';
import { assertFinite } from './validate';

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
