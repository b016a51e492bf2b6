/* Staffing engine speed, as ratios against simple baselines run in the same process:
 * - a year of 15-minute intervals for 10 queues (≈350,000 intervals) through staffIntervals
 *   (Erlang C), against the simple workload view over the same intervals;
 * - the planning service's what-if: a six-week, 3-queue scenario (12,096 intervals), Erlang C and Erlang A;
 * - a one-week 15-minute shift plan with 4/6/8 h shifts and breaks (HiGHS, 1% gap), against the LP
 *   relaxation of the same day models; the gap is reported against that LP bound;
 * - a six-week peak season planned the same way. */
// tsx reads no tsconfig paths here (there is no root tsconfig.json), so the bench imports the source.
import {
  buildDayModel,
  planShifts,
  readRequirement,
  shiftPatterns,
  solveOnThisThread,
  staffIntervals,
  stopWorkerSolver,
  workloadAgents,
  type LiveQueueSettings,
  type RequirementInterval,
} from '../../forecasting/src';
import { timeMedian, type BenchLine, type BenchReport } from './run-benchmarks';

const INTERVALS_PER_DAY = 96;

/** Deterministic contacts per 15 minutes: a daily double peak, weekly and yearly swings, fractional. */
function queueContacts(days: number, scale: number, rounded = true): Float64Array {
  const contacts = new Float64Array(days * INTERVALS_PER_DAY);
  for (let i = 0; i < contacts.length; i++) {
    const day = Math.floor(i / INTERVALS_PER_DAY);
    const hour = (i % INTERVALS_PER_DAY) / 4;
    const open = hour >= 8 && hour < 22 ? 1 : 0.02;
    const daily = 0.6 * Math.exp(-((hour - 11) ** 2) / 6) + 0.45 * Math.exp(-((hour - 19) ** 2) / 5) + 0.15;
    const weekly = day % 7 === 6 ? 0.6 : 1;
    const yearly =
      1 + 0.8 * Math.exp(-(((day % 365) - 44) ** 2) / 20) + 0.5 * Math.exp(-(((day % 365) - 358) ** 2) / 40);
    const value = scale * open * daily * weekly * yearly * (1 + 1e-9 * i);
    contacts[i] = rounded ? Math.round(value * 100) / 100 : value;
  }
  return contacts;
}

const QUEUE_SETTINGS: LiveQueueSettings[] = Array.from({ length: 10 }, (_, q) => ({
  intervalMinutes: 15,
  ahtSeconds: 180 + 30 * q,
  targetSeconds: q % 3 === 0 ? 20 : 30,
  serviceLevel: 0.8,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  concurrency: q === 9 ? 2 : 1,
}));

function requirementFrom(days: number, firstDay: number): RequirementInterval[] {
  const rows: RequirementInterval[] = [];
  const settings = { ...QUEUE_SETTINGS[0], shrinkage: 0 };
  const contacts = queueContacts(firstDay + days, 60);
  for (let day = firstDay; day < firstDay + days; day++) {
    const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    const slice = contacts.subarray(day * INTERVALS_PER_DAY + 32, day * INTERVALS_PER_DAY + 88); // 08:00–22:00
    const agents = staffIntervals(slice, settings).agents;
    agents.forEach((required, i) => {
      const minutes = 8 * 60 + i * 15;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      rows.push({ start: `${date}T${time}`, required });
    });
  }
  return rows;
}

/** The LP relaxation of the same day models: its solve time and the summed LP bound. */
async function lpRelaxation(requirement: RequirementInterval[]): Promise<{ ms: number; bound: number }> {
  const series = readRequirement(requirement);
  const started = process.hrtime.bigint();
  let bound = 0;
  for (const day of series.days) {
    const patterns = shiftPatterns(day.to - day.from, 15, series.times[day.from].localMinutes % 1440, {});
    const model = buildDayModel(series.required.subarray(day.from, day.to), patterns, 1, 16);
    model.solver.integrality.fill(0);
    bound += (await solveOnThisThread(model.solver, { timeLimitSeconds: 60, relativeGap: 0 })).objective;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, bound };
}

async function shiftLine(
  name: string,
  requirement: RequirementInterval[],
  repeats: number,
): Promise<BenchLine> {
  let plan = await planShifts(requirement, { relativeGap: 0.01, timeLimitSeconds: 600 });
  const ms = await timeMedian(async () => {
    plan = await planShifts(requirement, { relativeGap: 0.01, timeLimitSeconds: 600 });
  }, repeats);
  const lp = await lpRelaxation(requirement);
  const gapVsLp = (plan.objective - lp.bound) / plan.objective;
  return {
    name,
    ms,
    baseline: 'LP relaxation of the same day models',
    baselineMs: lp.ms,
    ratio: ms / lp.ms,
    note:
      `${requirement.length} intervals, ${plan.days.length} days, ${plan.days.reduce((s, d) => s + d.patterns, 0)} patterns; ` +
      `paid ${plan.paidHours} h, uncovered ${plan.uncovered}, HiGHS ${plan.solveSeconds.toFixed(2)} s; ` +
      `gap vs LP bound ${(100 * gapVsLp).toFixed(2)}%, vs MIP bound ${(100 * plan.gap).toFixed(2)}%`,
  };
}

export async function run(): Promise<BenchReport> {
  const lines: BenchLine[] = [];

  const year = QUEUE_SETTINGS.map((_, q) => queueContacts(365, 8 + 9 * q));
  const total = year.reduce((sum, contacts) => sum + contacts.length, 0);
  const workloadMs = await timeMedian(() =>
    year.forEach((contacts, q) => workloadAgents(contacts, { ...QUEUE_SETTINGS[q], occupancy: 0.85 })),
  );
  const erlangCMs = await timeMedian(
    () => year.forEach((contacts, q) => staffIntervals(contacts, QUEUE_SETTINGS[q])),
    3,
  );
  lines.push({
    name: `year of 15-min intervals, 10 queues, Erlang C, forecasts to 0.01 (${total} intervals)`,
    ms: erlangCMs,
    baseline: 'simple workload view, same intervals',
    baselineMs: workloadMs,
    ratio: erlangCMs / workloadMs,
    note: `${((erlangCMs / total) * 1000).toFixed(2)} µs per interval; aim < 1 s`,
  });

  const unrounded = QUEUE_SETTINGS.map((_, q) => queueContacts(365, 8 + 9 * q, false));
  const unroundedMs = await timeMedian(
    () => unrounded.forEach((contacts, q) => staffIntervals(contacts, QUEUE_SETTINGS[q])),
    3,
  );
  lines.push({
    name: `same year, full-precision forecasts (every interval distinct)`,
    ms: unroundedMs,
    baseline: 'simple workload view, same intervals',
    baselineMs: workloadMs,
    ratio: unroundedMs / workloadMs,
    note: `${((unroundedMs / total) * 1000).toFixed(2)} µs per interval; aim < 1 s`,
  });

  const season = [0, 3, 9].map((q) => ({
    contacts: queueContacts(42, 8 + 9 * q),
    settings: QUEUE_SETTINGS[q],
  }));
  const seasonIntervals = season.reduce((sum, queue) => sum + queue.contacts.length, 0);
  const seasonWorkload = await timeMedian(() =>
    season.forEach(({ contacts, settings }) => workloadAgents(contacts, { ...settings, occupancy: 0.85 })),
  );
  const seasonC = await timeMedian(() =>
    season.forEach(({ contacts, settings }) => staffIntervals(contacts, settings)),
  );
  lines.push({
    name: `six-week 3-queue scenario, Erlang C (${seasonIntervals} intervals)`,
    ms: seasonC,
    baseline: 'simple workload view, same intervals',
    baselineMs: seasonWorkload,
    ratio: seasonC / seasonWorkload,
    note: 'planning-service budget 200 ms',
  });
  const seasonA = await timeMedian(
    () =>
      season.forEach(({ contacts, settings }) =>
        staffIntervals(contacts, { ...settings, patienceSeconds: 120 }),
      ),
    3,
  );
  lines.push({
    name: `six-week 3-queue scenario, Erlang A, patience 120 s (${seasonIntervals} intervals)`,
    ms: seasonA,
    baseline: 'simple workload view, same intervals',
    baselineMs: seasonWorkload,
    ratio: seasonA / seasonWorkload,
    note: 'planning-service budget 200 ms',
  });

  lines.push(
    await shiftLine(
      'one-week 15-min shift plan, 4/6/8 h shifts with breaks, 1% gap',
      requirementFrom(7, 38),
      1,
    ),
  );
  lines.push(
    await shiftLine('six-week peak season shift plan (Valentine), 1% gap', requirementFrom(42, 14), 1),
  );
  await stopWorkerSolver();
  return { suite: 'staffing', lines };
}
