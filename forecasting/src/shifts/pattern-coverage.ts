import { DayModel } from './set-covering-model';
import { ShiftPattern } from './shift-patterns';

/** Paid hours × cost plus penalty × uncovered agent-intervals of a plan. */
export function objectiveOf(
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

/** People working (not on break) per interval of the day. */
export function coverageOf(
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
