/* The scenario arithmetic, pure and synchronous so that it can be benchmarked and recomputed as a
 * slider moves: forecast × adjustments → required agents (staffing engine) → scheduled, core, pool gap,
 * service level with and without the pool, hours and cost. */
import {
  deferredStaffing,
  productiveAgents,
  scheduledAgents,
  serviceLevelWithAgents,
  staffIntervals,
} from '@peakplan/forecasting';

import type {
  CoreStaffPattern,
  ScenarioAdjustments,
  ScenarioIntervalDto,
  ScenarioResult,
  ScenarioTotals,
} from '@peakplan/contracts';

export interface ScenarioQueueInput {
  queueId: string;
  name: string;
  kind: 'live' | 'deferred';
  intervalMinutes: number;
  ahtSeconds: number;
  serviceLevelTarget: number;
  targetSeconds: number;
  patienceSeconds: number | null;
  concurrency: number;
  /** Share of each contact reason in the queue's last year of history ('' = no reason given). */
  reasonShares: Record<string, number>;
  /**
   * The reason mix of each forecast day (by local date), from the same place in past event windows
   * (see reasonSharesByDay); days not in it use `reasonShares`.
   */
  reasonSharesByDate?: ReadonlyMap<string, Record<string, number>>;
  /** The forecast intervals of the period, in time order. */
  starts: string[];
  localDates: string[];
  weekdays: Int8Array;
  localMinutes: Int16Array;
  p50: Float64Array;
  /** Event keys of each interval's day. */
  events: string[][];
  /** Whether each interval's day is closed (forecast 0): a deferred queue does no work then either. */
  closed?: boolean[];
  /**
   * Core staff uploaded for each interval, −1 where none was uploaded; left out when the queue has no
   * upload in the period. An uploaded value replaces the weekly patterns for its interval.
   */
  uploadedCore?: Int32Array;
}

export const DEFAULT_SHRINKAGE = 0.3;
export const DEFAULT_MAX_OCCUPANCY = 0.85;
export const DEFAULT_CORE_HOURLY_COST = 32;
export const DEFAULT_POOL_HOURLY_COST = 38;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

function emptyTotals(): ScenarioTotals & {
  slWeightWithout: number;
  slWeightWith: number;
  slContacts: number;
} {
  return {
    contacts: 0,
    requiredHours: 0,
    scheduledHours: 0,
    coreHours: 0,
    poolHours: 0,
    coreCost: 0,
    poolCost: 0,
    cost: 0,
    serviceLevelWithoutPool: null,
    serviceLevelWithPool: null,
    intervalsWithGap: 0,
    slWeightWithout: 0,
    slWeightWith: 0,
    slContacts: 0,
  };
}

type Accumulator = ReturnType<typeof emptyTotals>;

function finish(total: Accumulator): ScenarioTotals {
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    contacts: round(total.contacts, 1),
    requiredHours: round(total.requiredHours),
    scheduledHours: round(total.scheduledHours),
    coreHours: round(total.coreHours),
    poolHours: round(total.poolHours),
    coreCost: round(total.coreCost),
    poolCost: round(total.poolCost),
    cost: round(total.coreCost + total.poolCost),
    serviceLevelWithoutPool: total.slContacts > 0 ? round(total.slWeightWithout / total.slContacts, 4) : null,
    serviceLevelWithPool: total.slContacts > 0 ? round(total.slWeightWith / total.slContacts, 4) : null,
    intervalsWithGap: total.intervalsWithGap,
  };
}

function patternsOf(queue: ScenarioQueueInput, patterns: readonly CoreStaffPattern[]): CoreStaffPattern[] {
  return patterns.filter(
    (pattern) =>
      pattern.queue === undefined || pattern.queue === queue.name || pattern.queue === queue.queueId,
  );
}

/**
 * Core staff present for a queue in each interval: the uploaded value where there is one, elsewhere the
 * weekly patterns (summed where they overlap).
 */
function coreColumn(queue: ScenarioQueueInput, patterns: readonly CoreStaffPattern[]): Int32Array {
  const core = new Int32Array(queue.p50.length);
  const mine = patternsOf(queue, patterns);
  const uploaded = queue.uploadedCore;
  if (mine.length === 0) {
    if (uploaded) for (let i = 0; i < core.length; i++) if (uploaded[i] > 0) core[i] = uploaded[i];
    return core;
  }
  const ranges = mine.map((pattern) => ({
    weekdays: new Set(pattern.weekdays),
    from: minutesOf(pattern.from),
    to: minutesOf(pattern.to),
    agents: pattern.agents,
  }));
  for (let i = 0; i < core.length; i++) {
    if (uploaded && uploaded[i] >= 0) {
      core[i] = uploaded[i];
      continue;
    }
    const minute = queue.localMinutes[i];
    const weekday = queue.weekdays[i];
    for (const range of ranges)
      if (range.weekdays.has(weekday) && minute >= range.from && minute < range.to) core[i] += range.agents;
  }
  return core;
}

/**
 * Says where uploaded core staff leaves the weekly patterns in charge, when an upload covers only part
 * of the period: whole queues without an upload, and queues with an upload for some intervals only.
 */
function coreCoverageWarnings(
  queues: readonly ScenarioQueueInput[],
  patterns: readonly CoreStaffPattern[],
): string[] {
  const covered = queues.map((queue) => {
    let count = 0;
    const uploaded = queue.uploadedCore;
    if (uploaded) for (let i = 0; i < uploaded.length; i++) if (uploaded[i] >= 0) count++;
    return count;
  });
  const uploadedQueues = covered.filter((count) => count > 0).length;
  if (uploadedQueues === 0) return [];
  const fallback = (queue: ScenarioQueueInput) =>
    patternsOf(queue, patterns).length > 0
      ? 'the weekly pattern'
      : 'the weekly pattern (none for this queue: 0 core staff)';
  const warnings: string[] = [];
  const without = queues.filter((_, index) => covered[index] === 0);
  if (without.length > 0)
    warnings.push(
      `core staff uploaded for ${uploadedQueues} of ${queues.length} queues; ` +
        without.map((queue) => `${queue.name} uses ${fallback(queue)}`).join('; '),
    );
  queues.forEach((queue, index) => {
    const count = covered[index];
    const total = queue.p50.length;
    if (count > 0 && count < total)
      warnings.push(
        `core staff of ${queue.name} uploaded for ${count} of ${total} intervals; the other ${total - count} use ${fallback(queue)}`,
      );
  });
  return warnings;
}

export function computeScenario(
  scenario: { id: string; name: string; from: string; to: string },
  queues: readonly ScenarioQueueInput[],
  adjustments: ScenarioAdjustments,
  options: { intervals: boolean; serviceLevelSteps?: boolean } = { intervals: true },
): ScenarioResult {
  const shrinkage = adjustments.shrinkage ?? DEFAULT_SHRINKAGE;
  const maxOccupancy = adjustments.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY;
  const coreRate = adjustments.coreHourlyCost ?? DEFAULT_CORE_HOURLY_COST;
  const poolRate = adjustments.poolHourlyCost ?? DEFAULT_POOL_HOURLY_COST;
  const ahtFactor = 1 + (adjustments.ahtChange ?? 0);
  const warnings: string[] = [];
  const total = emptyTotals();
  const byDay = new Map<string, Accumulator>();
  const byQueue: ScenarioResult['queues'] = [];
  const intervals: ScenarioIntervalDto[] = [];
  warnings.push(...coreCoverageWarnings(queues, adjustments.coreStaff ?? []));
  for (const queue of queues) {
    const n = queue.p50.length;
    const deflection = Object.entries(adjustments.deflection ?? {});
    const deflectedOf = (shares: Record<string, number>) =>
      deflection.reduce((sum, [reason, share]) => sum + (shares[reason] ?? 0) * share, 0);
    const deflectedOnDay = new Map<string, number>();
    const deflectedOn = (day: string): number => {
      let deflected = deflectedOnDay.get(day);
      if (deflected === undefined)
        deflectedOnDay.set(
          day,
          (deflected = deflectedOf(queue.reasonSharesByDate?.get(day) ?? queue.reasonShares)),
        );
      return deflected;
    };
    for (const reason of Object.keys(adjustments.deflection ?? {}))
      if (queue.reasonShares[reason] === undefined && !warnings.some((w) => w.includes(`"${reason}"`)))
        warnings.push(`deflection: no history of the contact reason "${reason}" in queue ${queue.name}`);
    const base = 1 + (adjustments.volumeUplift ?? 0);
    const forecast = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let factor = deflection.length > 0 ? base * (1 - deflectedOn(queue.localDates[i])) : base;
      for (const event of queue.events[i]) factor *= 1 + (adjustments.eventUplift?.[event] ?? 0);
      forecast[i] = Math.max(0, queue.p50[i] * factor);
    }
    const ahtSeconds = queue.ahtSeconds * ahtFactor;
    const serviceLevel = adjustments.serviceLevel ?? queue.serviceLevelTarget;
    const targetSeconds =
      queue.kind === 'live' ? (adjustments.targetSeconds ?? queue.targetSeconds) : queue.targetSeconds;
    let required: ArrayLike<number>;
    let scheduled: ArrayLike<number>;
    if (queue.kind === 'live') {
      const columns = staffIntervals(forecast, {
        intervalMinutes: queue.intervalMinutes,
        ahtSeconds,
        targetSeconds,
        serviceLevel,
        patienceSeconds: queue.patienceSeconds ?? undefined,
        concurrency: queue.concurrency,
        maxOccupancy,
        shrinkage,
      });
      required = columns.agents;
      scheduled = columns.scheduled;
    } else {
      const plan = deferredStaffing(forecast, {
        intervalMinutes: queue.intervalMinutes,
        ahtSeconds,
        responseSeconds: targetSeconds,
        occupancy: maxOccupancy,
        targetShare: adjustments.serviceLevel ?? queue.serviceLevelTarget,
        closed: queue.closed,
      });
      required = plan.agents;
      scheduled = Int32Array.from(plan.agents, (agents) => scheduledAgents(agents, shrinkage));
    }
    const core = coreColumn(queue, adjustments.coreStaff ?? []);
    const hours = queue.intervalMinutes / 60;
    const slInterval = {
      intervalMinutes: queue.intervalMinutes,
      ahtSeconds,
      targetSeconds,
      concurrency: queue.concurrency,
      patienceSeconds: queue.patienceSeconds,
    };
    const queueTotal = emptyTotals();
    for (let i = 0; i < n; i++) {
      const gap = Math.max(0, scheduled[i] - core[i]);
      let withoutPool: number | null = null;
      let withPool: number | null = null;
      if (queue.kind === 'live') {
        withoutPool = serviceLevelWithAgents(productiveAgents(core[i], shrinkage), forecast[i], slInterval);
        withPool =
          gap === 0
            ? withoutPool
            : serviceLevelWithAgents(productiveAgents(core[i] + gap, shrinkage), forecast[i], slInterval);
      }
      const day = queue.localDates[i];
      let dayTotal = byDay.get(day);
      if (!dayTotal) byDay.set(day, (dayTotal = emptyTotals()));
      for (const target of [total, dayTotal, queueTotal]) {
        target.contacts += forecast[i];
        target.requiredHours += required[i] * hours;
        target.scheduledHours += scheduled[i] * hours;
        target.coreHours += core[i] * hours;
        target.poolHours += gap * hours;
        target.coreCost += core[i] * hours * coreRate;
        target.poolCost += gap * hours * poolRate;
        if (gap > 0) target.intervalsWithGap++;
        if (withoutPool !== null && withPool !== null) {
          target.slContacts += forecast[i];
          target.slWeightWithout += withoutPool * forecast[i];
          target.slWeightWith += withPool * forecast[i];
        }
      }
      if (options.intervals)
        intervals.push({
          queue: queue.name,
          start: queue.starts[i],
          forecast: Math.round(forecast[i] * 100) / 100,
          required: required[i],
          scheduled: scheduled[i],
          core: core[i],
          poolGap: gap,
          serviceLevelWithoutPool: withoutPool === null ? null : Math.round(withoutPool * 10000) / 10000,
          serviceLevelWithPool: withPool === null ? null : Math.round(withPool * 10000) / 10000,
          ...(options.serviceLevelSteps && withoutPool !== null
            ? { serviceLevelSteps: serviceLevelSteps(core[i], gap, shrinkage, forecast[i], slInterval) }
            : {}),
        });
    }
    byQueue.push({ queue: queue.name, kind: queue.kind, ...finish(queueTotal) });
  }
  return {
    scenarioId: scenario.id,
    name: scenario.name,
    from: scenario.from,
    to: scenario.to,
    totals: finish(total),
    queues: byQueue,
    days: [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, dayTotal]) => ({ date, ...finish(dayTotal) })),
    ...(options.intervals ? { intervals } : {}),
    warnings,
  };
}

/**
 * The service level with 0, 1, … `gap` pool agents beside the core staff (the allocation's worth of
 * each place, see the forecasting library's `placeValues`).
 */
function serviceLevelSteps(
  core: number,
  gap: number,
  shrinkage: number,
  contacts: number,
  interval: Parameters<typeof serviceLevelWithAgents>[2],
): number[] {
  return Array.from({ length: gap + 1 }, (_, k) =>
    serviceLevelWithAgents(productiveAgents(core + k, shrinkage), contacts, interval),
  );
}
