import { type ErlangCColumnOutputs, staffErlangCColumns } from './erlang-c-columns';
import { resolveQueueSettings } from './live-queue-settings';
import { staffResolved } from './staff-interval';
import { IntervalStaffing, LiveQueueSettings, StaffingModel } from './staffing-types';

/** Column-wise staffing of many intervals (typed arrays: cheap to keep, send and chart). */
export interface StaffingColumns extends ErlangCColumnOutputs {
  model: StaffingModel;
  /** Erlang A only; null for Erlang C. */
  abandonment: Float64Array | null;
  /** Sums over all intervals: productive, scheduled and fractional agent-intervals. */
  totals: { agents: number; scheduled: number; fractionalAgents: number; fractionalScheduled: number };
}

/**
 * Staffs a whole series of intervals of one queue with the same settings: validates the
 * settings once, then runs the search of {@link staffInterval} per interval — for Erlang C inlined
 * over the columns without allocating (an O(A) Erlang B start, then O(1) per extra agent), for
 * Erlang A memoising equal contact counts (nights of zeros, whole-number forecasts).
 * `ahtSecondsPerInterval` (same length as `contacts`) overrides `settings.ahtSeconds` interval by
 * interval, for an intraday AHT profile.
 *
 * @example
 * staffIntervals([0, 100, 100], { intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 })
 *   .agents; // Int32Array [0, 14, 14]
 */
export function staffIntervals(
  contacts: ArrayLike<number>,
  settings: LiveQueueSettings,
  ahtSecondsPerInterval?: ArrayLike<number>,
): StaffingColumns {
  const resolved = resolveQueueSettings(settings);
  if (contacts === null || typeof contacts !== 'object' || typeof contacts.length !== 'number') {
    throw new TypeError('contacts must be an array of numbers');
  }
  const n = contacts.length;
  if (ahtSecondsPerInterval !== undefined) {
    if (ahtSecondsPerInterval === null || ahtSecondsPerInterval.length !== n) {
      throw new RangeError(`ahtSecondsPerInterval must have one value per interval (${n})`);
    }
    for (let i = 0; i < n; i++) {
      const aht = ahtSecondsPerInterval[i];
      if (typeof aht !== 'number' || !Number.isFinite(aht) || aht <= 0) {
        throw new RangeError(`ahtSecondsPerInterval[${i}] must be greater than 0, got ${String(aht)}`);
      }
    }
  }
  const model: StaffingModel = resolved.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a';
  const columns: StaffingColumns = {
    model,
    agents: new Int32Array(n),
    scheduled: new Int32Array(n),
    fractionalAgents: new Float64Array(n),
    fractionalScheduled: new Float64Array(n),
    serviceLevel: new Float64Array(n),
    asa: new Float64Array(n),
    occupancy: new Float64Array(n),
    probabilityOfWaiting: new Float64Array(n),
    abandonment: model === 'erlang-a' ? new Float64Array(n) : null,
    totals: { agents: 0, scheduled: 0, fractionalAgents: 0, fractionalScheduled: 0 },
  };
  if (model === 'erlang-c') {
    staffErlangCColumns(contacts, resolved, columns, ahtSecondsPerInterval);
    for (let i = 0; i < n; i++) {
      columns.totals.agents += columns.agents[i];
      columns.totals.scheduled += columns.scheduled[i];
      columns.totals.fractionalAgents += columns.fractionalAgents[i];
      columns.totals.fractionalScheduled += columns.fractionalScheduled[i];
    }
    return columns;
  }
  // Erlang A: per-interval search, memoising equal contact counts.
  const memo = new Map<number | string, IntervalStaffing>();
  for (let i = 0; i < n; i++) {
    const offered = contacts[i];
    if (typeof offered !== 'number' || !Number.isFinite(offered) || offered < 0) {
      throw new RangeError(`contacts[${i}] must be a finite number ≥ 0, got ${String(offered)}`);
    }
    let key: number | string = offered;
    let intervalSettings = resolved;
    if (ahtSecondsPerInterval) {
      const aht = ahtSecondsPerInterval[i] / resolved.concurrency;
      key = `${offered}|${aht}`;
      intervalSettings = { ...resolved, effectiveAhtSeconds: aht };
    }
    let result = memo.get(key);
    if (result === undefined) {
      result = staffResolved(offered, intervalSettings);
      memo.set(key, result);
    }
    columns.agents[i] = result.agents;
    columns.scheduled[i] = result.scheduled;
    columns.fractionalAgents[i] = result.fractionalAgents;
    columns.fractionalScheduled[i] = result.fractionalScheduled;
    columns.serviceLevel[i] = result.serviceLevel;
    columns.asa[i] = result.asa;
    columns.occupancy[i] = result.occupancy;
    columns.probabilityOfWaiting[i] = result.probabilityOfWaiting;
    if (columns.abandonment) columns.abandonment[i] = result.abandonment ?? 0;
    columns.totals.agents += result.agents;
    columns.totals.scheduled += result.scheduled;
    columns.totals.fractionalAgents += result.fractionalAgents;
    columns.totals.fractionalScheduled += result.fractionalScheduled;
  }
  return columns;
}
