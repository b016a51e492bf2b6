/* The scenario editor's recompute as the dashboard's Web Worker does it, as a ratio against a baseline
 * in the same process: a six-week peak (10 Jan – 20 Feb 2027, Valentine's inside) at 15 minutes for the
 * three demo queues, given as the JSON of GET /api/scenarios/{id}/inputs (plain arrays, as the worker
 * receives them), through forecasting's browser entry point with every interval (the heatmap needs them),
 * and the result sent back as the worker does: cloned without its intervals, which go as typed-array
 * columns handed over (transferred). A second line times a move of a cost alone, with the cache the
 * worker keeps between moves. Baseline: staffIntervals of the live
 * queues alone over the same adjusted contacts (the Erlang search every recompute has to do). The aim in
 * Chromium: under 50 ms for the recompute; the e2e test prints the worker's own time. */
import { join } from 'node:path';

import { DateTime } from 'luxon';
import { register } from 'tsconfig-paths';

import { timeMedian, type BenchLine, type BenchReport } from './run-benchmarks';

// tsx reads no tsconfig paths (there is no root tsconfig.json); the demo generator uses the aliases.
register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@peakplan/forecasting': ['forecasting/src/index.ts'],
    '@peakplan/contracts': ['contracts/src/index.ts'],
  },
});

const PEAK_FROM = '2027-01-10';
const PEAK_TO = '2027-02-20';
const TIME_ZONE = 'Europe/Amsterdam';

export async function run(): Promise<BenchReport> {
  const browser = require('../../forecasting/src/browser') as typeof import('../../forecasting/src/browser');
  const { DEMO_QUEUES, generateDemoHistory } =
    require('../../forecasting/src/demo') as typeof import('../../forecasting/src/demo');

  // The demo generator's contacts of the peak stand in for a forecast's p50 (same shape, seeded),
  // averaged with the same time on the day before and after, and moved by a per-interval factor within
  // 0.1%: every value distinct, as a model's forecast is (the staffing search remembers repeated values,
  // which would flatter the baseline).
  const rows = new Map<string, { start: DateTime; offered: number }[]>();
  for (const day of generateDemoHistory({
    from: PEAK_FROM,
    to: PEAK_TO,
    timeZone: TIME_ZONE,
    seed: 20270214,
  }))
    for (const row of day) {
      const list = rows.get(row.queueName) ?? [];
      list.push({
        start: DateTime.fromMillis(row.intervalStartMs, { zone: TIME_ZONE }),
        offered: row.offered,
      });
      rows.set(row.queueName, list);
    }
  // Rows come for the open hours only, the same every day of a queue: a day's count.
  const perDay = (slots: { start: DateTime }[]) =>
    slots.filter((slot) => slot.start.toISODate() === slots[0].start.toISODate()).length;
  const valentines = (date: string) => (date >= '2027-02-07' && date <= '2027-02-14' ? ['valentines'] : []);
  const queues = DEMO_QUEUES.map((queue) => {
    const slots = rows.get(queue.name)!.sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const day = perDay(slots);
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
      reasonShares: { '': 0.7, 'order-status': 0.3 },
      starts: slots.map((slot) => slot.start.toISO({ suppressMilliseconds: true })!),
      localDates: slots.map((slot) => slot.start.toISODate()!),
      weekdays: slots.map((slot) => slot.start.weekday % 7),
      localMinutes: slots.map((slot) => slot.start.hour * 60 + slot.start.minute),
      p50: slots.map((slot, i) => {
        const sameTime = [slots[i - day], slot, slots[i + day]].filter(Boolean);
        const mean = sameTime.reduce((sum, neighbour) => sum + neighbour!.offered, 0) / sameTime.length;
        return mean * (1 + (i % 997) / 997_000);
      }),
      events: slots.map((slot) => valentines(slot.start.toISODate()!)),
      closed: slots.map(() => false),
    };
  });
  const intervalCount = queues.reduce((sum, queue) => sum + queue.p50.length, 0);
  const inputsJson = JSON.stringify({
    scenarioId: 'bench',
    name: 'bench',
    from: PEAK_FROM,
    to: PEAK_TO,
    adjustments: {},
    queues,
    warnings: [],
  });
  // One slider position: what the editor sends after a move.
  const adjustments = {
    volumeUplift: 0.05,
    eventUplift: { valentines: 0.2 },
    deflection: { 'order-status': 0.1 },
    ahtChange: -0.03,
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    coreStaff: [{ weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', agents: 8 }],
  };
  const inputs = JSON.parse(inputsJson) as { queues: typeof queues };
  const scenario = { id: 'bench', name: 'bench', from: PEAK_FROM, to: PEAK_TO };
  let poolHours = 0;
  // As the worker answers (frontend/src/app/scenarios/recompute/interval-columns.ts).
  const sendBack = (result: ReturnType<typeof browser.computeScenario>) => {
    const { intervals = [], ...rest } = result;
    const columns = {
      forecast: Float64Array.from(intervals, (row) => row.forecast),
      required: Int32Array.from(intervals, (row) => row.required),
      scheduled: Int32Array.from(intervals, (row) => row.scheduled),
      core: Int32Array.from(intervals, (row) => row.core),
      poolGap: Int32Array.from(intervals, (row) => row.poolGap),
      serviceLevelWithoutPool: Float64Array.from(intervals, (row) => row.serviceLevelWithoutPool ?? NaN),
      serviceLevelWithPool: Float64Array.from(intervals, (row) => row.serviceLevelWithPool ?? NaN),
    };
    const transfer = Object.values(columns).map((column) => column.buffer);
    return structuredClone({ result: rest, columns }, { transfer });
  };
  const recompute = () => {
    const result = browser.computeScenario(scenario, inputs.queues, adjustments);
    poolHours = sendBack(result).result.totals.poolHours;
  };
  recompute(); // warm-up
  const recomputeMs = await timeMedian(recompute, 9);
  // The pool's hourly cost moved, the rest as it was: the staffing and service levels are kept.
  const cache = browser.createScenarioCache();
  let poolRate = 38;
  const costMove = () => {
    poolRate += 1;
    sendBack(
      browser.computeScenario(
        scenario,
        inputs.queues,
        { ...adjustments, poolHourlyCost: poolRate },
        { cache },
      ),
    );
  };
  costMove(); // fills the cache
  const costMoveMs = await timeMedian(costMove, 9);
  // The baseline staffs the same adjusted contacts (fractional, as the recompute sees them: staffIntervals
  // remembers repeated values, so the bare integer counts would flatter it).
  const live = inputs.queues
    .filter((queue) => queue.kind === 'live')
    .map((queue) => ({
      ...queue,
      contacts: Float64Array.from(
        queue.p50,
        (p50, i) => p50 * 1.05 * (1 - 0.3 * 0.1) * (queue.events[i].length > 0 ? 1.2 : 1),
      ),
    }));
  const staffingMs = await timeMedian(() => {
    for (const queue of live)
      browser.staffIntervals(queue.contacts, {
        intervalMinutes: 15,
        ahtSeconds: queue.ahtSeconds * 0.97,
        targetSeconds: queue.targetSeconds,
        serviceLevel: queue.serviceLevelTarget,
        patienceSeconds: queue.patienceSeconds ?? undefined,
        concurrency: queue.concurrency,
        maxOccupancy: 0.85,
        shrinkage: 0.3,
      });
  }, 9);
  const lines: BenchLine[] = [
    {
      name: `scenario recompute as the browser's worker does it, six-week peak at 15 min, 3 queues (${intervalCount} intervals, with intervals and the clone back)`,
      ms: recomputeMs,
      baseline: 'staffIntervals of the live queues alone',
      baselineMs: staffingMs,
      ratio: recomputeMs / staffingMs,
      note: `aim < 50 ms in Chromium; pool ${Math.round(poolHours)} h`,
    },
    {
      name: `the same after a move of a cost alone, with the worker's cache`,
      ms: costMoveMs,
      baseline: 'staffIntervals of the live queues alone',
      baselineMs: staffingMs,
      ratio: costMoveMs / staffingMs,
    },
  ];
  return { suite: 'scenario-recompute', lines };
}
