import { coverageOf } from './pattern-coverage';
import { DayModel } from './set-covering-model';

/* Two ways to turn a fractional LP plan into whole people; `solveDay` keeps the cheaper and accepts
 * it without branch and cut when it is within the gap of the LP bound. */

/**
 * Rounding down and filling: keep the whole part of the LP solution, then add the shift covering the most
 * missing agent-intervals per paid hour (favouring shifts the LP used) until every interval that
 * some shift can cover is covered; finally drop what is redundant.
 */
export function roundDownAndFill(
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

/** Rounding up (every interval stays covered), then dropping people who are not needed. */
export function roundUp(model: DayModel, values: Float64Array, required: Float64Array): number[] {
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
