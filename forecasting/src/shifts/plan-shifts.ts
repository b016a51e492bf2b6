import { solveOnThisThread } from './highs-solver';
import { formatIntervalTime } from './interval-time';
import { readRequirement, RequirementInterval, RequirementSeries } from './requirement-series';
import { buildDayModel, DayModel } from './set-covering-model';
import { ShiftPattern, shiftPatterns, ShiftTemplateOptions } from './shift-patterns';
import { ShiftSolver, SolverResult } from './solver-model';
import { canUseWorkerThreads, workerSolver } from './worker-solver';

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
  /** 'worker' (Node worker thread; default where available), 'main' (this thread) or a solver. */
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
    const limits = {
      timeLimitSeconds: Math.max(0.5, remainingSeconds / (dayModels.length - d)),
      relativeGap,
    };
    const result: SolverResult =
      model.solver.numRows === 0 ? emptyResult(model) : await solve(model.solver, limits);
    remainingSeconds = Math.max(0, remainingSeconds - result.seconds);
    solveSeconds += result.seconds;
    if (!Number.isFinite(result.objective)) {
      throw new RangeError(
        `no shift plan found for ${day.date} within ${limits.timeLimitSeconds.toFixed(1)} s (${result.status})`,
      );
    }
    const counts = model.patterns.map((_, p) => Math.round(result.colValue[p]));
    repair(model, counts, series.required.subarray(day.from, day.to), penalty, hourlyCost);
    const dayCovered = coverageOf(model.patterns, counts, day.to - day.from);
    covered.set(dayCovered, day.from);
    shifts.push(...describeShifts(series, day.from, day.to, model.patterns, counts));
    lowerBound += Math.max(0, result.bound);
    days.push({
      date: day.date,
      status: result.status,
      objective: result.objective,
      lowerBound: result.bound,
      patterns: model.patterns.length,
      seconds: result.seconds,
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
  return canUseWorkerThreads() ? workerSolver : solveOnThisThread;
}

function emptyResult(model: DayModel): SolverResult {
  return {
    status: 'optimal',
    objective: 0,
    bound: 0,
    colValue: new Float64Array(model.solver.numCols),
    seconds: 0,
  };
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
