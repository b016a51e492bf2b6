import { solveOnThisThread } from './highs-solver';
import { formatIntervalTime } from './interval-time';
import { readRequirement, RequirementInterval, RequirementSeries } from './requirement-series';
import { buildDayModel, DayModel } from './set-covering-model';
import { ShiftPattern, shiftPatterns, ShiftTemplateOptions } from './shift-patterns';
import { ShiftSolver, SolverLimits } from './solver-model';
import { defaultShiftSolver, workerSolver } from './worker-solver';

export interface PlanShiftsOptions extends ShiftTemplateOptions {
  /** Interval length in minutes (default: the step between the first two intervals). */
  intervalMinutes?: number;
  /** Cost per paid hour (default 1: the objective is in paid hours). */
  hourlyCost?: number;
  /** Cost per uncovered agent-interval (default: twice the cost of the longest shift, so covering wins). */
  uncoveredPenalty?: number;
  /** Relative MIP gap at which a day's solve may stop (default 0.01). */
  relativeGap?: number;
  /** Time limit for the whole plan in seconds, shared out over the days (default 60). */
  timeLimitSeconds?: number;
  /**
   * 'worker' (a shared Node worker thread), 'main' (this thread) or a solver function. Default:
   * the worker where one can be started, else this thread.
   */
  solver?: 'worker' | 'main' | ShiftSolver;
}

export interface PlannedShift {
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
  /** How many people work this exact shift. */
  count: number;
  paidHours: number;
}

export interface IntervalCoverage {
  start: string;
  required: number;
  /** People working (not on break) in the interval. */
  covered: number;
  under: number;
  over: number;
}

export interface ShiftPlan {
  shifts: PlannedShift[];
  coverage: IntervalCoverage[];
  paidHours: number;
  /** Paid hours × hourly cost + penalty × uncovered agent-intervals. */
  objective: number;
  /** Proven lower bound on the optimal objective: sum of the days' HiGHS MIP dual bounds (≥ the LP bound). */
  lowerBound: number;
  /** `(objective − lowerBound) / objective` (0 when both are 0). */
  gap: number;
  /** Agent-intervals left uncovered (Σ under). */
  uncovered: number;
  /** Agent-intervals covered beyond the requirement (Σ over). */
  overCoverage: number;
  /** Wall-clock seconds spent in HiGHS, summed over the days. */
  solveSeconds: number;
  intervalMinutes: number;
  days: {
    date: string;
    status: string;
    objective: number;
    lowerBound: number;
    patterns: number;
    seconds: number;
  }[];
}

/**
 * Turns the pool's gap per interval into a shift plan: set covering with explicit shift-and-break
 * patterns, one mixed-integer program per day, solved by HiGHS (https://highs.dev, the `highs`
 * WebAssembly build), minimising paid hours × cost + penalty × uncovered agent-intervals.
 * Shifts stay inside a day's intervals (the requirement's opening hours); splitting by day keeps a
 * six-week season tractable and costs nothing since no shift crosses midnight. After the solve, any
 * interval the solver left uncovered although a shift could cover it more cheaply than its penalty
 * (possible within the gap) is repaired greedily, and the gap is reported against the bound.
 *
 * @example
 * const plan = await planShifts([{ start: '2026-02-14T09:00', required: 2 }, ...], { lengthsHours: [4] });
 * plan.shifts; // [{ start: '2026-02-14T09:00', end: '2026-02-14T13:00', breakStart: null, count: 2, ... }]
 */
export async function planShifts(
  requirement: readonly RequirementInterval[],
  options: PlanShiftsOptions = {},
): Promise<ShiftPlan> {
  const series = readRequirement(requirement, options.intervalMinutes);
  const hourlyCost = options.hourlyCost ?? 1;
  if (!(hourlyCost > 0) || !Number.isFinite(hourlyCost))
    throw new RangeError(`hourlyCost must be > 0, got ${hourlyCost}`);
  const relativeGap = options.relativeGap ?? 0.01;
  if (!(relativeGap >= 0 && relativeGap < 1))
    throw new RangeError(`relativeGap must be in [0, 1), got ${relativeGap}`);
  const timeLimit = options.timeLimitSeconds ?? 60;
  if (!(timeLimit > 0)) throw new RangeError(`timeLimitSeconds must be > 0, got ${timeLimit}`);
  const longest = Math.max(...(options.lengthsHours ?? [4, 6, 8]));
  const penalty = options.uncoveredPenalty ?? 2 * longest * hourlyCost;
  if (!(penalty >= 0) || !Number.isFinite(penalty))
    throw new RangeError(`uncoveredPenalty must be ≥ 0, got ${penalty}`);
  const solve = pickSolver(options.solver);

  const covered = new Float64Array(series.required.length);
  const shifts: PlannedShift[] = [];
  const days: ShiftPlan['days'] = [];
  let lowerBound = 0;
  let solveSeconds = 0;
  let remainingSeconds = timeLimit;
  const dayModels = series.days.map((day) => {
    const opening = series.times[day.from].localMinutes % 1440;
    const patterns = shiftPatterns(day.to - day.from, series.intervalMinutes, opening, options);
    const required = series.required.subarray(day.from, day.to);
    return { day, model: buildDayModel(required, patterns, hourlyCost, penalty) };
  });
  for (let d = 0; d < dayModels.length; d++) {
    const { day, model } = dayModels[d];
    const required = series.required.subarray(day.from, day.to);
    const limits = {
      timeLimitSeconds: Math.max(0.5, remainingSeconds / (dayModels.length - d)),
      relativeGap,
    };
    const solved = await solveDay(model, required, limits, solve, { hourlyCost, penalty });
    remainingSeconds = Math.max(0, remainingSeconds - solved.seconds);
    solveSeconds += solved.seconds;
    const counts = solved.counts;
    repair(model, counts, required, penalty, hourlyCost);
    covered.set(coverageOf(model.patterns, counts, day.to - day.from), day.from);
    shifts.push(...describeShifts(series, day.from, day.to, model.patterns, counts));
    lowerBound += Math.max(0, solved.bound);
    days.push({
      date: day.date,
      status: solved.status,
      objective: solved.objective,
      lowerBound: solved.bound,
      patterns: model.patterns.length,
      seconds: solved.seconds,
    });
  }
  return summarise(series, covered, shifts, days, { lowerBound, solveSeconds, hourlyCost, penalty });
}

function pickSolver(choice: PlanShiftsOptions['solver']): ShiftSolver {
  if (typeof choice === 'function') return choice;
  if (choice === 'main') return solveOnThisThread;
  if (choice === 'worker') return workerSolver;
  if (choice !== undefined)
    throw new TypeError(`solver must be 'worker', 'main' or a function, got ${String(choice)}`);
  return defaultShiftSolver;
}

interface DaySolution {
  status: string;
  counts: number[];
  objective: number;
  bound: number;
  seconds: number;
}

/**
 * Solves the LP relaxation first and rounds it up (rounding up keeps every interval covered), then
 * drops rounded-up shifts that are not needed. Shift-covering LPs are nearly integral (without
 * breaks the matrix has consecutive ones and is totally unimodular), so the rounded plan is often
 * already within the gap of the LP bound; only when it is not does HiGHS branch and cut.
 */
async function solveDay(
  model: DayModel,
  required: Float64Array,
  limits: SolverLimits,
  solve: ShiftSolver,
  costs: { hourlyCost: number; penalty: number },
): Promise<DaySolution> {
  const empty = model.patterns.map(() => 0);
  if (model.solver.numRows === 0)
    return { status: 'optimal', counts: empty, objective: 0, bound: 0, seconds: 0 };
  const relaxation = { ...model.solver, integrality: new Int32Array(model.solver.numCols) };
  const lp = await solve(relaxation, limits);
  if (!Number.isFinite(lp.objective)) throw new RangeError(`no shift plan found (${lp.status})`);
  const candidates = [
    roundUp(model, lp.colValue, required),
    roundDownAndFill(model, lp.colValue, required, costs),
  ];
  const objectives = candidates.map((counts) => objectiveOf(model, counts, required, costs));
  const better = objectives[1] < objectives[0] ? 1 : 0;
  const rounded = candidates[better];
  const roundedObjective = objectives[better];
  if (roundedObjective - lp.objective <= limits.relativeGap * roundedObjective + 1e-9) {
    return {
      status: 'lp-rounded',
      counts: rounded,
      objective: roundedObjective,
      bound: lp.objective,
      seconds: lp.seconds,
    };
  }
  const mip = await solve(model.solver, limits);
  const seconds = lp.seconds + mip.seconds;
  const bound = Math.max(lp.objective, Number.isFinite(mip.bound) ? mip.bound : -Infinity);
  if (!Number.isFinite(mip.objective) || mip.objective >= roundedObjective) {
    return {
      status: `${mip.status}, lp-rounded kept`,
      counts: rounded,
      objective: roundedObjective,
      bound,
      seconds,
    };
  }
  const counts = model.patterns.map((_, p) => Math.round(mip.colValue[p]));
  return {
    status: mip.status,
    counts,
    objective: objectiveOf(model, counts, required, costs),
    bound,
    seconds,
  };
}

/**
 * The other rounding: keep the whole part of the LP solution, then add the shift covering the most
 * missing agent-intervals per paid hour (favouring shifts the LP used) until every interval that
 * some shift can cover is covered; finally drop what is redundant.
 */
function roundDownAndFill(
  model: DayModel,
  values: Float64Array,
  required: Float64Array,
  costs: { hourlyCost: number; penalty: number },
): number[] {
  const counts = model.patterns.map((_, p) => Math.floor(values[p] + 1e-7));
  const covered = coverageOf(model.patterns, counts, required.length);
  for (let added = 0; added < 100_000; added++) {
    let best = -1;
    let bestScore = 0;
    model.patterns.forEach((pattern, p) => {
      let fixed = 0;
      for (let t = pattern.start; t < pattern.end; t++) {
        if (t >= pattern.breakStart && t < pattern.breakEnd) continue;
        fixed += Math.min(1, Math.max(0, required[t] - covered[t]));
      }
      if (fixed * costs.penalty <= pattern.paidHours * costs.hourlyCost) return;
      const score = (fixed / pattern.paidHours) * (values[p] - Math.floor(values[p] + 1e-7) > 1e-7 ? 1.5 : 1);
      if (score > bestScore) [best, bestScore] = [p, score];
    });
    if (best < 0) break;
    counts[best]++;
    const pattern = model.patterns[best];
    for (let t = pattern.start; t < pattern.end; t++) {
      if (t < pattern.breakStart || t >= pattern.breakEnd) covered[t]++;
    }
  }
  return dropRedundant(model, counts, values, required);
}

function roundUp(model: DayModel, values: Float64Array, required: Float64Array): number[] {
  const counts = model.patterns.map((_, p) => Math.ceil(values[p] - 1e-7));
  return dropRedundant(model, counts, values, required);
}

/** Removes people from shifts, largest rounding first, while every interval stays as covered as needed. */
function dropRedundant(
  model: DayModel,
  counts: number[],
  values: Float64Array,
  required: Float64Array,
): number[] {
  const covered = coverageOf(model.patterns, counts, required.length);
  const order = model.patterns
    .map((_, p) => p)
    .sort((a, b) => counts[b] - values[b] - (counts[a] - values[a]));
  for (const p of order) {
    const pattern = model.patterns[p];
    while (counts[p] > 0) {
      let spare = true;
      for (let t = pattern.start; t < pattern.end && spare; t++) {
        if (t >= pattern.breakStart && t < pattern.breakEnd) continue;
        if (covered[t] - 1 < required[t] - 1e-9) spare = false;
      }
      if (!spare) break;
      counts[p]--;
      for (let t = pattern.start; t < pattern.end; t++) {
        if (t < pattern.breakStart || t >= pattern.breakEnd) covered[t]--;
      }
    }
  }
  return counts;
}

function objectiveOf(
  model: DayModel,
  counts: readonly number[],
  required: Float64Array,
  costs: { hourlyCost: number; penalty: number },
): number {
  const covered = coverageOf(model.patterns, counts, required.length);
  let objective = 0;
  counts.forEach((count, p) => (objective += count * model.patterns[p].paidHours * costs.hourlyCost));
  required.forEach((need, t) => (objective += Math.max(0, need - covered[t]) * costs.penalty));
  return objective;
}

function coverageOf(
  patterns: readonly ShiftPattern[],
  counts: readonly number[],
  intervals: number,
): Float64Array {
  const covered = new Float64Array(intervals);
  patterns.forEach((pattern, p) => {
    if (counts[p] === 0) return;
    for (let t = pattern.start; t < pattern.end; t++) {
      if (t < pattern.breakStart || t >= pattern.breakEnd) covered[t] += counts[p];
    }
  });
  return covered;
}

/** Adds the shift fixing the most uncovered agent-intervals while that is cheaper than the penalty. */
function repair(
  model: DayModel,
  counts: number[],
  required: Float64Array,
  penalty: number,
  hourlyCost: number,
): void {
  for (let round = 0; round < 10_000; round++) {
    const covered = coverageOf(model.patterns, counts, required.length);
    let best = -1;
    let bestSaving = 1e-9;
    model.patterns.forEach((pattern, p) => {
      let fixed = 0;
      for (let t = pattern.start; t < pattern.end; t++) {
        if (t >= pattern.breakStart && t < pattern.breakEnd) continue;
        fixed += Math.min(1, Math.max(0, required[t] - covered[t]));
      }
      const saving = fixed * penalty - pattern.paidHours * hourlyCost;
      if (saving > bestSaving) [best, bestSaving] = [p, saving];
    });
    if (best < 0) return;
    counts[best]++;
  }
}

function describeShifts(
  series: RequirementSeries,
  from: number,
  to: number,
  patterns: readonly ShiftPattern[],
  counts: readonly number[],
): PlannedShift[] {
  const at = (index: number) => {
    if (from + index < to) return series.times[from + index];
    const last = series.times[to - 1];
    const minutes = last.localMinutes + (from + index - (to - 1)) * series.intervalMinutes;
    return { ...last, localMinutes: minutes };
  };
  const text = (index: number) => {
    const time = at(index);
    return formatIntervalTime(time.localMinutes, time.zone);
  };
  const shifts: PlannedShift[] = [];
  patterns.forEach((pattern, p) => {
    if (counts[p] === 0) return;
    shifts.push({
      start: text(pattern.start),
      end: text(pattern.end),
      breakStart: pattern.breakStart < 0 ? null : text(pattern.breakStart),
      breakEnd: pattern.breakStart < 0 ? null : text(pattern.breakEnd),
      count: counts[p],
      paidHours: pattern.paidHours,
    });
  });
  return shifts;
}

function summarise(
  series: RequirementSeries,
  covered: Float64Array,
  shifts: PlannedShift[],
  days: ShiftPlan['days'],
  totals: { lowerBound: number; solveSeconds: number; hourlyCost: number; penalty: number },
): ShiftPlan {
  let uncovered = 0;
  let overCoverage = 0;
  const coverage = series.times.map((time, t) => {
    const required = series.required[t];
    const under = Math.max(0, required - covered[t]);
    const over = Math.max(0, covered[t] - required);
    uncovered += under;
    overCoverage += over;
    return {
      start: formatIntervalTime(time.localMinutes, time.zone),
      required,
      covered: covered[t],
      under,
      over,
    };
  });
  const paidHours = shifts.reduce((sum, shift) => sum + shift.count * shift.paidHours, 0);
  const objective = paidHours * totals.hourlyCost + uncovered * totals.penalty;
  const lowerBound = Math.min(totals.lowerBound, objective);
  const gap = objective > 0 ? (objective - lowerBound) / objective : 0;
  return {
    shifts,
    coverage,
    paidHours,
    objective,
    lowerBound,
    gap,
    uncovered,
    overCoverage,
    solveSeconds: totals.solveSeconds,
    intervalMinutes: series.intervalMinutes,
    days,
  };
}
