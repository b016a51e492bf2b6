/* The scenario arithmetic, pure and synchronous, shared by the server (saved results, comparisons,
 * shift plans) and the dashboard (recomputed in a Web Worker as a slider moves): forecast × adjustments →
 * required agents (staffing engine) → scheduled, core, pool gap, service level with and without the
 * pool, hours and cost. Browser-safe: reached from `browser.ts`. */
import { deferredStaffing } from '../staffing/deferred-staffing';
import { serviceLevelWithAgents } from '../staffing/service-level-with-agents';
import { productiveAgents, scheduledAgents } from '../staffing/shrinkage';
import { staffIntervals } from '../staffing/staff-intervals';
import { coreColumn, coreCoverageWarnings } from './core-staff-column';
import { type QueueStaffing, recall, remember } from './scenario-cache';
import {
  type ComputeScenarioOptions,
  DEFAULT_CORE_HOURLY_COST,
  DEFAULT_MAX_OCCUPANCY,
  DEFAULT_POOL_HOURLY_COST,
  DEFAULT_SHRINKAGE,
  type ScenarioAdjustmentsInput,
  type ScenarioComputation,
  type ScenarioIntervalOutput,
  type ScenarioQueueInput,
  type ScenarioTotalsOutput,
} from './scenario-types';

interface Accumulator extends ScenarioTotalsOutput {
  slWeightWithout: number;
  slWeightWith: number;
  slContacts: number;
}

function emptyTotals(): Accumulator {
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

/** One interval's figures, added to the period's, the day's and the queue's totals alike. */
interface IntervalFigures {
  contacts: number;
  required: number;
  scheduled: number;
  core: number;
  gap: number;
  withoutPool: number | null;
  withPool: number | null;
}

function accumulate(
  target: Accumulator,
  figures: IntervalFigures,
  hours: number,
  coreRate: number,
  poolRate: number,
): void {
  const { contacts, gap, withoutPool, withPool } = figures;
  target.contacts += contacts;
  target.requiredHours += figures.required * hours;
  target.scheduledHours += figures.scheduled * hours;
  target.coreHours += figures.core * hours;
  target.poolHours += gap * hours;
  target.coreCost += figures.core * hours * coreRate;
  target.poolCost += gap * hours * poolRate;
  if (gap > 0) target.intervalsWithGap++;
  if (withoutPool !== null && withPool !== null) {
    target.slContacts += contacts;
    target.slWeightWithout += withoutPool * contacts;
    target.slWeightWith += withPool * contacts;
  }
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function finish(total: Accumulator): ScenarioTotalsOutput {
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

/** Contacts per interval after the volume uplift, the event uplifts and the deflection of reasons. */
function adjustedForecast(queue: ScenarioQueueInput, adjustments: ScenarioAdjustmentsInput): Float64Array {
  const n = queue.p50.length;
  const deflection = Object.entries(adjustments.deflection ?? {});
  const deflectedOnDay = new Map<string, number>();
  const deflectedOn = (day: string): number => {
    let deflected = deflectedOnDay.get(day);
    if (deflected === undefined) {
      const shares = queue.reasonSharesByDate?.[day] ?? queue.reasonShares;
      deflected = deflection.reduce((sum, [reason, share]) => sum + (shares[reason] ?? 0) * share, 0);
      deflectedOnDay.set(day, deflected);
    }
    return deflected;
  };
  const base = 1 + (adjustments.volumeUplift ?? 0);
  const forecast = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let factor = deflection.length > 0 ? base * (1 - deflectedOn(queue.localDates[i])) : base;
    for (const event of queue.events[i]) factor *= 1 + (adjustments.eventUplift?.[event] ?? 0);
    forecast[i] = Math.max(0, queue.p50[i] * factor);
  }
  return forecast;
}

/** A queue's staffing over its adjusted forecast: Erlang for a live queue, the backlog for a deferred one. */
function staffQueue(
  queue: ScenarioQueueInput,
  forecast: Float64Array,
  settings: {
    ahtSeconds: number;
    targetSeconds: number;
    serviceLevel: number;
    maxOccupancy: number;
    shrinkage: number;
  },
): QueueStaffing {
  const { ahtSeconds, targetSeconds, serviceLevel, maxOccupancy, shrinkage } = settings;
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
    // Erlang A's search leaves the service level it reached with the required agents: the same
    // erlangAMetrics call, on the same load, as serviceLevelWithAgents would make for them.
    const reached = columns.model === 'erlang-a' ? columns.serviceLevel : null;
    return { required: columns.agents, scheduled: columns.scheduled, reached };
  }
  const plan = deferredStaffing(forecast, {
    intervalMinutes: queue.intervalMinutes,
    ahtSeconds,
    responseSeconds: targetSeconds,
    occupancy: maxOccupancy,
    targetShare: serviceLevel,
    closed: queue.closed,
  });
  const scheduled = Int32Array.from(plan.agents, (agents) => scheduledAgents(agents, shrinkage));
  return { required: plan.agents, scheduled, reached: null };
}

/**
 * A scenario's result: per queue and interval the required (productive) and scheduled agents, the core
 * staff present, the pool gap `max(0, scheduled − core)` and the service level without and with the
 * pool; totals per queue, per local day and for the period (hours = agents × interval length, cost =
 * core hours × core rate + pool hours × pool rate, service level weighted by contacts).
 *
 * @example
 * // 100 calls in 30 min, AHT 180 s, 80% in 20 s, shrinkage 0.3, no core staff (Erlang C worked example)
 * computeScenario(scenario, [queue], { shrinkage: 0.3 }).intervals[0];
 * // → { required: 14, scheduled: 20, core: 0, poolGap: 20, serviceLevelWithoutPool: 0, … }
 */
export function computeScenario(
  scenario: { id: string; name: string; from: string; to: string },
  queues: readonly ScenarioQueueInput[],
  adjustments: ScenarioAdjustmentsInput,
  options: ComputeScenarioOptions = {},
): ScenarioComputation {
  const withIntervals = options.intervals ?? true;
  const shrinkage = adjustments.shrinkage ?? DEFAULT_SHRINKAGE;
  const maxOccupancy = adjustments.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY;
  const coreRate = adjustments.coreHourlyCost ?? DEFAULT_CORE_HOURLY_COST;
  const poolRate = adjustments.poolHourlyCost ?? DEFAULT_POOL_HOURLY_COST;
  const ahtFactor = 1 + (adjustments.ahtChange ?? 0);
  const warnings = coreCoverageWarnings(queues, adjustments.coreStaff ?? []);
  const total = emptyTotals();
  const byDay = new Map<string, Accumulator>();
  const byQueue: ScenarioComputation['queues'] = [];
  const intervals: ScenarioIntervalOutput[] = [];
  for (const queue of queues) {
    const n = queue.p50.length;
    for (const reason of Object.keys(adjustments.deflection ?? {}))
      if (queue.reasonShares[reason] === undefined && !warnings.some((w) => w.includes(`"${reason}"`)))
        warnings.push(`deflection: no history of the contact reason "${reason}" in queue ${queue.name}`);
    const forecast = adjustedForecast(queue, adjustments);
    const ahtSeconds = queue.ahtSeconds * ahtFactor;
    const serviceLevel = adjustments.serviceLevel ?? queue.serviceLevelTarget;
    const targetSeconds =
      queue.kind === 'live' ? (adjustments.targetSeconds ?? queue.targetSeconds) : queue.targetSeconds;
    const memoKey = `${queue.queueId}|${queue.name}`;
    const settings = JSON.stringify([
      queue.kind,
      queue.intervalMinutes,
      queue.patienceSeconds,
      queue.concurrency,
      ahtSeconds,
      targetSeconds,
      serviceLevel,
      maxOccupancy,
      shrinkage,
    ]);
    const previous = recall(options.cache, memoKey, settings, forecast);
    const staffing =
      previous?.staffing ??
      staffQueue(queue, forecast, { ahtSeconds, targetSeconds, serviceLevel, maxOccupancy, shrinkage });
    const { required, scheduled, reached } = staffing;
    const core = coreColumn(queue, adjustments.coreStaff ?? []);
    const withoutPoolColumn = queue.kind === 'live' ? new Float64Array(n) : null;
    const hours = queue.intervalMinutes / 60;
    const slInterval = {
      intervalMinutes: queue.intervalMinutes,
      ahtSeconds,
      targetSeconds,
      concurrency: queue.concurrency,
      patienceSeconds: queue.patienceSeconds,
    };
    const queueTotal = emptyTotals();
    // Intervals come in time order: the day's totals change once a day, not every interval.
    let lastDay: string | null = null;
    let dayTotal: Accumulator | undefined;
    for (let i = 0; i < n; i++) {
      const gap = Math.max(0, scheduled[i] - core[i]);
      let withoutPool: number | null = null;
      let withPool: number | null = null;
      if (queue.kind === 'live') {
        // The same core staff on the same contacts and settings as last time: the same service level.
        withoutPool =
          previous?.withoutPool && previous.core?.[i] === core[i]
            ? previous.withoutPool[i]
            : serviceLevelWithAgents(productiveAgents(core[i], shrinkage), forecast[i], slInterval);
        if (withoutPoolColumn) withoutPoolColumn[i] = withoutPool;
        if (gap === 0) withPool = withoutPool;
        else {
          const withPoolAgents = productiveAgents(core[i] + gap, shrinkage);
          withPool =
            reached !== null && withPoolAgents === required[i]
              ? reached[i]
              : serviceLevelWithAgents(withPoolAgents, forecast[i], slInterval);
        }
      }
      const day = queue.localDates[i];
      if (day !== lastDay || dayTotal === undefined) {
        dayTotal = byDay.get(day);
        if (!dayTotal) byDay.set(day, (dayTotal = emptyTotals()));
        lastDay = day;
      }
      const figures: IntervalFigures = {
        contacts: forecast[i],
        required: required[i],
        scheduled: scheduled[i],
        core: core[i],
        gap,
        withoutPool,
        withPool,
      };
      accumulate(total, figures, hours, coreRate, poolRate);
      accumulate(dayTotal, figures, hours, coreRate, poolRate);
      accumulate(queueTotal, figures, hours, coreRate, poolRate);
      if (withIntervals) {
        const row: ScenarioIntervalOutput = {
          queue: queue.name,
          start: queue.starts[i],
          forecast: round(forecast[i]),
          required: required[i],
          scheduled: scheduled[i],
          core: core[i],
          poolGap: gap,
          serviceLevelWithoutPool: withoutPool === null ? null : round(withoutPool, 4),
          serviceLevelWithPool: withPool === null ? null : round(withPool, 4),
        };
        if (options.serviceLevelSteps && withoutPool !== null)
          row.serviceLevelSteps = serviceLevelSteps(core[i], gap, shrinkage, forecast[i], slInterval);
        intervals.push(row);
      }
    }
    remember(options.cache, memoKey, { settings, forecast, staffing, core, withoutPool: withoutPoolColumn });
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
    ...(withIntervals ? { intervals } : {}),
    warnings,
  };
}

/**
 * The service level with 0, 1, … `gap` pool agents beside the core staff (the allocation's worth of
 * each place, see `placeValues`).
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
