/* Staffing in hindsight, pure: the actual contacts and AHT through the same staffing engine and
 * settings as the plan, against the heads the plan rostered (core + pool gap). No I/O. */
import {
  deferredStaffing,
  productiveAgents,
  scheduledAgents,
  serviceLevelWithAgents,
  staffIntervals,
} from '@peakplan/forecasting';

import type { HindsightIntervalDto, HindsightSettings, HindsightTotals } from '@peakplan/contracts';

export interface HindsightQueueInput {
  kind: 'live' | 'deferred';
  intervalMinutes: number;
  settings: HindsightSettings;
  /** Interval starts (local ISO with offset), in time order, and their local dates. */
  starts: readonly string[];
  localDates: readonly string[];
  /** Contacts offered per interval. */
  actual: ArrayLike<number>;
  /** Actual AHT per interval, null (or ≤ 0) where the history has none: the queue's AHT is used. */
  actualAhtSeconds: readonly (number | null)[];
  /** Abandoned per interval, null where the history does not say. */
  abandoned: readonly (number | null)[];
  /** Heads rostered by the plan (core + pool gap), null outside the plan. */
  scheduled: readonly (number | null)[];
  /** The plan scenario's forecast, null outside the plan. */
  planForecast: readonly (number | null)[];
  /** The forecast run's band, null where it has none. */
  band: readonly ({ p10: number; p50: number; p90: number } | null)[];
}

export interface HindsightQueueResult {
  intervals: HindsightIntervalDto[];
  days: ({ date: string } & HindsightTotals)[];
  totals: HindsightTotals;
  /** The unrounded sums behind `totals`, to add queues up without rounding twice. */
  sums: HindsightSums;
}

export interface HindsightSums {
  actual: number;
  planForecast: number;
  planForecastSeen: boolean;
  neededHours: number;
  neededProductiveHours: number;
  scheduledHours: number;
  overStaffedHours: number;
  underStaffedHours: number;
  intervalsOverStaffed: number;
  intervalsUnderStaffed: number;
  plannedIntervals: number;
  intervals: number;
  slWeighted: number;
  slContacts: number;
  abandoned: number;
  abandonedOffered: number;
}

function emptyAccumulator(): HindsightSums {
  return {
    actual: 0,
    planForecast: 0,
    planForecastSeen: false,
    neededHours: 0,
    neededProductiveHours: 0,
    scheduledHours: 0,
    overStaffedHours: 0,
    underStaffedHours: 0,
    intervalsOverStaffed: 0,
    intervalsUnderStaffed: 0,
    plannedIntervals: 0,
    intervals: 0,
    slWeighted: 0,
    slContacts: 0,
    abandoned: 0,
    abandonedOffered: 0,
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function finishTotals(total: HindsightSums): HindsightTotals {
  const planned = total.plannedIntervals > 0;
  return {
    actual: total.actual,
    planForecast: total.planForecastSeen ? round(total.planForecast, 1) : null,
    neededHours: round(total.neededHours),
    neededProductiveHours: round(total.neededProductiveHours),
    scheduledHours: planned ? round(total.scheduledHours) : null,
    overStaffedHours: planned ? round(total.overStaffedHours) : null,
    underStaffedHours: planned ? round(total.underStaffedHours) : null,
    intervalsOverStaffed: total.intervalsOverStaffed,
    intervalsUnderStaffed: total.intervalsUnderStaffed,
    plannedIntervals: total.plannedIntervals,
    intervals: total.intervals,
    serviceLevelReached: total.slContacts > 0 ? round(total.slWeighted / total.slContacts, 4) : null,
    abandonedShare: total.abandonedOffered > 0 ? round(total.abandoned / total.abandonedOffered, 4) : null,
  };
}

/** Adds `part` into `into` (queue totals into the all-queue totals). */
function addInto(into: HindsightSums, part: HindsightSums): void {
  for (const key of Object.keys(into) as (keyof HindsightSums)[]) {
    if (key === 'planForecastSeen') into.planForecastSeen ||= part.planForecastSeen;
    else into[key] += part[key];
  }
}

/** The productive agents and heads to roster the actual contacts would have needed, per interval. */
function neededStaff(
  input: HindsightQueueInput,
  aht: Float64Array,
): { needed: Int32Array; heads: Int32Array } {
  const { settings } = input;
  if (input.kind === 'live') {
    const columns = staffIntervals(
      input.actual,
      {
        intervalMinutes: input.intervalMinutes,
        ahtSeconds: settings.queueAhtSeconds,
        targetSeconds: settings.targetSeconds,
        serviceLevel: settings.serviceLevel,
        patienceSeconds: settings.patienceSeconds ?? undefined,
        concurrency: settings.concurrency,
        maxOccupancy: settings.maxOccupancy,
        shrinkage: settings.shrinkage,
      },
      aht,
    );
    return { needed: columns.agents, heads: columns.scheduled };
  }
  // deferredStaffing takes one AHT: the contacts are rescaled to the queue's AHT so that each
  // interval keeps its actual workload (contacts × AHT), which is all the deferred model uses.
  const workloadContacts = Float64Array.from(
    { length: aht.length },
    (_, i) => (input.actual[i] * aht[i]) / settings.queueAhtSeconds,
  );
  const plan = deferredStaffing(workloadContacts, {
    intervalMinutes: input.intervalMinutes,
    ahtSeconds: settings.queueAhtSeconds,
    responseSeconds: settings.targetSeconds,
    occupancy: settings.maxOccupancy,
    targetShare: settings.serviceLevel,
  });
  return {
    needed: plan.agents,
    heads: Int32Array.from(plan.agents, (agents) => scheduledAgents(agents, settings.shrinkage)),
  };
}

/**
 * One queue in hindsight: per interval the staff the actual contacts would have needed against the
 * heads rostered, hours over- and under-staffed (`max(0, ±(scheduled − needed)) × interval hours`),
 * the estimated service level reached, and totals per day and overall.
 */
export function hindsightStaffing(input: HindsightQueueInput): HindsightQueueResult {
  const n = input.starts.length;
  for (const [name, column] of [
    ['localDates', input.localDates],
    ['actual', input.actual],
    ['actualAhtSeconds', input.actualAhtSeconds],
    ['abandoned', input.abandoned],
    ['scheduled', input.scheduled],
    ['planForecast', input.planForecast],
    ['band', input.band],
  ] as const)
    if (column.length !== n) throw new RangeError(`${name} must have one value per interval (${n})`);
  const { settings } = input;
  const aht = Float64Array.from(input.actualAhtSeconds, (value) =>
    value !== null && value > 0 ? value : settings.queueAhtSeconds,
  );
  const { needed, heads } = neededStaff(input, aht);
  const hours = input.intervalMinutes / 60;
  const total = emptyAccumulator();
  const byDay = new Map<string, HindsightSums>();
  const intervals: HindsightIntervalDto[] = [];
  for (let i = 0; i < n; i++) {
    const scheduled = input.scheduled[i];
    const difference = scheduled === null ? null : scheduled - heads[i];
    const serviceLevel =
      input.kind === 'live' && scheduled !== null
        ? serviceLevelWithAgents(productiveAgents(scheduled, settings.shrinkage), input.actual[i], {
            ...settings,
            intervalMinutes: input.intervalMinutes,
            ahtSeconds: aht[i],
          })
        : null;
    const day = input.localDates[i];
    let dayTotal = byDay.get(day);
    if (!dayTotal) byDay.set(day, (dayTotal = emptyAccumulator()));
    for (const target of [total, dayTotal]) {
      target.intervals++;
      target.actual += input.actual[i];
      target.neededHours += heads[i] * hours;
      target.neededProductiveHours += needed[i] * hours;
      const forecast = input.planForecast[i];
      if (forecast !== null) {
        target.planForecast += forecast;
        target.planForecastSeen = true;
      }
      const abandoned = input.abandoned[i];
      if (abandoned !== null) {
        target.abandoned += abandoned;
        target.abandonedOffered += input.actual[i];
      }
      if (scheduled !== null && difference !== null) {
        target.plannedIntervals++;
        target.scheduledHours += scheduled * hours;
        if (difference > 0) {
          target.overStaffedHours += difference * hours;
          target.intervalsOverStaffed++;
        } else if (difference < 0) {
          target.underStaffedHours += -difference * hours;
          target.intervalsUnderStaffed++;
        }
      }
      if (serviceLevel !== null && input.actual[i] > 0) {
        target.slWeighted += serviceLevel * input.actual[i];
        target.slContacts += input.actual[i];
      }
    }
    const band = input.band[i];
    intervals.push({
      start: input.starts[i],
      actual: input.actual[i],
      ahtSeconds: round(aht[i], 1),
      ahtFromQueue: !(input.actualAhtSeconds[i] !== null && input.actualAhtSeconds[i]! > 0),
      p10: band ? round(band.p10) : null,
      p50: band ? round(band.p50) : null,
      p90: band ? round(band.p90) : null,
      planForecast: input.planForecast[i] === null ? null : round(input.planForecast[i]!),
      needed: needed[i],
      neededScheduled: heads[i],
      scheduled,
      overStaffedHours: difference === null ? null : round(Math.max(0, difference) * hours),
      underStaffedHours: difference === null ? null : round(Math.max(0, -difference) * hours),
      serviceLevelReached: serviceLevel === null ? null : round(serviceLevel, 4),
    });
  }
  return {
    intervals,
    days: [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, dayTotal]) => ({ date, ...finishTotals(dayTotal) })),
    totals: finishTotals(total),
    sums: total,
  };
}

/** Totals over several queues: hours and contacts add up, the service level is re-weighted by contacts. */
export function combinedTotals(results: readonly HindsightQueueResult[]): HindsightTotals {
  const total = emptyAccumulator();
  for (const result of results) addInto(total, result.sums);
  return finishTotals(total);
}
