/* Planning service speed, as ratios against baselines in the same run:
 * - a forecast run of the three demo queues (daily model, peak backtest, intraday spread: what
 *   ForecastRunsService executes, without the database), against the engine's fit + forecast alone;
 * - a scenario recompute for a six-week peak at 15 minutes for 3 queues (computeScenario: adjustments,
 *   staffing, core, pool gap, service level with and without the pool, totals), against the bare
 *   staffIntervals over the same contacts. Aim: under 200 ms, so the dashboard can follow a slider.
 * Not yet here: the 1,000,000-row import against a plain COPY (needs a COPY client; see the report). */
import { join } from 'node:path';

import { register } from 'tsconfig-paths';

import { timeMedian, type BenchLine, type BenchReport } from './run-benchmarks';

// tsx reads no tsconfig paths (there is no root tsconfig.json); the backend sources use the aliases.
register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@peakplan/forecasting': ['forecasting/src/index.ts'],
    '@peakplan/contracts': ['contracts/src/index.ts'],
  },
});

const HISTORY_FROM = '2022-01-01';
const HISTORY_TO = '2026-10-31';
const HORIZON = 150;
const PEAK_FROM = '2027-01-10';
const PEAK_TO = '2027-02-20'; // six weeks around Valentine's Day

export async function run(): Promise<BenchReport> {
  const forecasting = require('../../forecasting/src') as typeof import('../../forecasting/src');
  const { DEMO_QUEUES, generateDemoHistory } =
    require('../../forecasting/src/demo') as typeof import('../../forecasting/src/demo');
  const { runForecastEngine } =
    require('../../backend/src/forecast-runs/forecast-engine') as typeof import('../../backend/src/forecast-runs/forecast-engine');
  const { computeScenario } = forecasting;
  const { DateTime } = await import('luxon');
  const timeZone = 'Europe/Amsterdam';

  const daily = new Map<string, Map<string, number>>();
  const intervals = new Map<string, import('../../forecasting/src').IntervalObservation[]>();
  const profileFrom = '2023-11-01';
  for (const day of generateDemoHistory({ from: HISTORY_FROM, to: HISTORY_TO, timeZone, seed: 20200214 })) {
    for (const row of day) {
      const start = DateTime.fromMillis(row.intervalStartMs, { zone: timeZone });
      const date = start.toISODate()!;
      const totals = daily.get(row.queueName) ?? new Map<string, number>();
      totals.set(date, (totals.get(date) ?? 0) + row.offered);
      daily.set(row.queueName, totals);
      if (date >= profileFrom) {
        const list = intervals.get(row.queueName) ?? [];
        list.push({
          start: start.toUTC().toISO()!,
          startMs: start.toMillis(),
          localDate: date,
          localMinute: start.hour * 60 + start.minute,
          offered: row.offered,
        });
        intervals.set(row.queueName, list);
      }
    }
  }
  const events = forecasting
    .eventPresets('NL')
    .filter((event) => ['valentines', 'mothers-day', 'christmas'].includes(event.id));
  const engineInput = (queue: string) => ({
    daily: [...daily.get(queue)!].map(([date, offered]) => ({ date, offered })),
    intervals: intervals.get(queue)!,
    events,
    country: 'NL',
    leadDays: 28,
    forecastFrom: '2026-11-01',
    horizonDays: HORIZON,
    intervalMinutes: 15,
    timeZone,
  });
  const results = new Map<string, ReturnType<typeof runForecastEngine>>();
  const runMs = await timeMedian(() => {
    for (const queue of DEMO_QUEUES) results.set(queue.name, runForecastEngine(engineInput(queue.name)));
  }, 1);
  const fitMs = await timeMedian(() => {
    for (const queue of DEMO_QUEUES) {
      const model = forecasting.fitDailyModel(engineInput(queue.name).daily, { country: 'NL', events });
      forecasting.forecastDaily(model, HORIZON, '2026-11-01');
    }
  }, 1);

  const inputs = DEMO_QUEUES.map((queue) => {
    const result = results.get(queue.name)!;
    const slots = result.intervals.filter(
      (slot) => slot.start.slice(0, 10) >= PEAK_FROM && slot.start.slice(0, 10) <= PEAK_TO,
    );
    const eventsOf = new Map(result.days.map((day) => [day.date, day.events]));
    const local = slots.map((slot) => DateTime.fromISO(slot.start, { setZone: true }));
    return {
      queueId: queue.name,
      name: queue.name,
      kind: queue.kind,
      intervalMinutes: 15,
      ahtSeconds: queue.ahtSeconds,
      serviceLevelTarget: queue.serviceLevelTarget,
      targetSeconds: queue.targetSeconds,
      patienceSeconds: queue.patienceSeconds,
      concurrency: queue.concurrency,
      reasonShares: { '': 1 },
      starts: slots.map((slot) => slot.start),
      localDates: slots.map((slot) => slot.start.slice(0, 10)),
      weekdays: Int8Array.from(local, (time) => time.weekday % 7),
      localMinutes: Int16Array.from(local, (time) => time.hour * 60 + time.minute),
      p50: Float64Array.from(slots, (slot) => slot.p50),
      events: slots.map((slot) => eventsOf.get(slot.start.slice(0, 10)) ?? []),
    };
  });
  const intervalCount = inputs.reduce((sum, input) => sum + input.p50.length, 0);
  const adjustments = {
    volumeUplift: 0.05,
    eventUplift: { valentines: 0.2 },
    ahtChange: -0.03,
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    coreStaff: [{ weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', agents: 8 }],
  };
  let poolHours = 0;
  const scenario = { id: 'bench', name: 'bench', from: PEAK_FROM, to: PEAK_TO };
  computeScenario(scenario, inputs, adjustments, { intervals: false }); // warm-up
  const recomputeMs = await timeMedian(() => {
    poolHours = computeScenario(scenario, inputs, adjustments, { intervals: false }).totals.poolHours;
  }, 7);
  const live = inputs.filter((input) => input.kind === 'live');
  const staffingMs = await timeMedian(() => {
    for (const input of live)
      forecasting.staffIntervals(input.p50, {
        intervalMinutes: 15,
        ahtSeconds: input.ahtSeconds,
        targetSeconds: input.targetSeconds,
        serviceLevel: input.serviceLevelTarget,
        patienceSeconds: input.patienceSeconds ?? undefined,
        concurrency: input.concurrency,
        maxOccupancy: 0.85,
        shrinkage: 0.3,
      });
  }, 7);
  const lines: BenchLine[] = [
    {
      name: `forecast run of the 3 demo queues (${daily.get('phone')!.size} days of history, ${HORIZON}-day horizon, 15 min)`,
      ms: runMs,
      baseline: 'fit + daily forecast alone',
      baselineMs: fitMs,
      ratio: runMs / fitMs,
      note: 'the run adds the peak backtest and the intraday spread',
    },
    {
      name: `scenario recompute, six-week peak, 3 queues (${intervalCount} intervals)`,
      ms: recomputeMs,
      baseline: 'staffIntervals of the live queues alone',
      baselineMs: staffingMs,
      ratio: recomputeMs / staffingMs,
      note: `aim < 200 ms; pool ${Math.round(poolHours)} h`,
    },
  ];
  return { suite: 'planning', lines };
}
