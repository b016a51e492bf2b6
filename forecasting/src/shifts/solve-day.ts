import { coverageOf, objectiveOf } from './pattern-coverage';
import { roundDownAndFill, roundUp } from './lp-rounding';
import { DayModel } from './set-covering-model';
import { ShiftSolver, SolverLimits } from './solver-model';

export interface DaySolution {
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
export async function solveDay(
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

/** Adds the shift fixing the most uncovered agent-intervals while that is cheaper than the penalty. */
export function repair(
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
