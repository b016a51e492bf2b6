/* The scenario arithmetic, pure and synchronous, shared by the server (saved results, comparisons,
 * shift plans) and the dashboard (recomputed in a Web Worker as a slider moves): forecast × adjustments →
 * required agents (staffing engine) → scheduled, core, pool gap, service level with and without the
 * pool, hours and cost. Browser-safe: reached from `browser.ts`. */
import { deferredStaffing } from '../staffing/deferred-staffing';
import { serviceLevelWithAgents } from '../staffing/service-level-with-agents';
import { productiveAgents, scheduledAgents } from '../staffing/shrinkage';
import { staffIntervals } from '../staffing/staff-intervals';
import { coreColumn, coreCoverageWarnings } from './core-staff-column';
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
        targetShare: serviceLevel,
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
      if (withIntervals)
        intervals.push({
          queue: queue.name,
          start: queue.starts[i],
          forecast: round(forecast[i]),
          required: required[i],
          scheduled: scheduled[i],
          core: core[i],
          poolGap: gap,
          serviceLevelWithoutPool: withoutPool === null ? null : round(withoutPool, 4),
          serviceLevelWithPool: withPool === null ? null : round(withPool, 4),
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
