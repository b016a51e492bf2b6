import { formatIntervalTime } from './interval-time';
import { RequirementSeries } from './requirement-series';
import { ShiftPattern } from './shift-patterns';
import { PlannedShift, ShiftPlan } from './shift-plan-types';

export function describeShifts(
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

export function summarise(
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
