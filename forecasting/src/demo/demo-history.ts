import { addDays, dayOfWeek, daysBetween, type IsoDate, ZoneClock } from '../calendar';
import { mulberry32, standardNormal } from '../forecast/seeded-random';

import { dayShape, demoPeakYears } from './demo-peaks';
import { DEMO_QUEUES, type DemoQueue } from './demo-queues';
import { poisson } from './poisson';

export interface DemoHistoryRow {
  queueName: string;
  /** Interval start, epoch milliseconds (instants pass between layers as numbers). */
  intervalStartMs: number;
  offered: number;
  handled: number;
  abandoned: number;
  ahtSeconds: number;
}

export interface DemoHistoryOptions {
  from: IsoDate;
  to: IsoDate;
  timeZone: string;
  seed: number;
  queues?: DemoQueue[];
}

/** The seed of the demo organisation the product loads and of the command line's demo fixtures. */
export const DEMO_SEED = 20200214;
const GROWTH_PER_YEAR = 0.06;
/** Slots of the local clock (00:00, 00:15, … 23:45) that arrival curves are drawn on. */
const QUARTER_HOURS_PER_DAY = 96;

function intradayWeights(queue: DemoQueue, morningLean: boolean): number[] {
  const weights: number[] = [];
  for (let slot = 0; slot < QUARTER_HOURS_PER_DAY; slot++) {
    const hour = slot / 4 + 0.125;
    if (hour < queue.openFrom || hour >= queue.openTo) {
      weights.push(0);
      continue;
    }
    let weight = 0.05;
    for (const peak of queue.intradayPeaks)
      weight += peak.weight * Math.exp(-(((hour - peak.hour) / peak.spread) ** 2) / 2);
    if (morningLean && hour < 13) weight *= 1.25;
    weights.push(weight);
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/**
 * Realistic, seeded contact history for the demo organisation, one array of 15-minute rows per day:
 * growth, weekly and yearly shape, an intraday curve, Poisson noise, a few outage days (a data feed
 * that lost most of a day), and the Valentine's, Mother's Day and Christmas peaks.
 */
export function* generateDemoHistory(options: DemoHistoryOptions): Generator<DemoHistoryRow[]> {
  const queues = options.queues ?? DEMO_QUEUES;
  const random = mulberry32(options.seed);
  const peakYears = demoPeakYears(
    Number(options.from.slice(0, 4)),
    Number(options.to.slice(0, 4)),
    options.seed,
  );
  const profiles = new Map(
    queues.map((queue) => [queue.name, [intradayWeights(queue, false), intradayWeights(queue, true)]]),
  );
  const clock = new ZoneClock(options.timeZone);
  for (let date = options.from; date <= options.to; date = addDays(date, 1)) {
    const yearsIn = daysBetween(options.from, date) / 365.25;
    const dayOfYear = daysBetween(`${date.slice(0, 4)}-01-01`, date);
    const seasonal = 1 + 0.1 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25);
    const shape = dayShape(date, peakYears.get(Number(date.slice(0, 4)))!);
    const outage = random() < 0.004;
    const dayNoise = Math.exp(0.06 * standardNormal(random));
    const starts = clock.dayStarts(date, 15);
    const rows: DemoHistoryRow[] = [];
    for (const queue of queues) {
      if (shape.holidayClosure && queue.closedOnHolidays) continue;
      const closureFactor = shape.holidayClosure ? 0.3 : 1;
      const expected =
        queue.baseDaily *
        (1 + GROWTH_PER_YEAR) ** yearsIn *
        queue.weekdayFactors[dayOfWeek(date)] *
        seasonal *
        shape.factor *
        closureFactor *
        dayNoise *
        (outage ? 0.15 : 1);
      const weights = profiles.get(queue.name)![shape.peakDay ? 1 : 0];
      const abandonRate =
        queue.kind === 'live' ? Math.min(0.25, 0.03 + 0.06 * Math.max(0, shape.factor - 1)) : 0;
      // Step through the real instants of the local day: 92 quarter-hours when the clocks go forward,
      // 100 when they go back; the arrival curve follows the local clock.
      for (const start of starts) {
        const slot = Math.floor(clock.local(start).minuteOfDay / 15);
        if (weights[slot] === 0) continue;
        const offered = poisson(expected * weights[slot], random);
        const abandoned = Math.min(offered, poisson(offered * abandonRate, random));
        rows.push({
          queueName: queue.name,
          intervalStartMs: start,
          offered,
          handled: offered - abandoned,
          abandoned,
          ahtSeconds:
            offered === 0
              ? 0
              : Math.round(
                  queue.ahtSeconds * (1 + 0.08 * standardNormal(random)) * (shape.peakDay ? 1.05 : 1),
                ),
        });
      }
    }
    yield rows;
  }
}
