import { solveOnThisThread } from './highs-solver';
import { readRequirement, RequirementInterval } from './requirement-series';
import { buildDayModel } from './set-covering-model';
import { shiftPatterns } from './shift-patterns';
import { describeShifts, summarise } from './shift-plan-report';
import { PlannedShift, PlanShiftsOptions, ShiftPlan } from './shift-plan-types';
import { ShiftSolver } from './solver-model';
import { coverageOf } from './pattern-coverage';
import { repair, solveDay } from './solve-day';
import { defaultShiftSolver, workerSolver } from './worker-solver';

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
