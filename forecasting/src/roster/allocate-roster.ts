import type { ShiftSolver } from '../shifts/solver-model';
import { explainRoster } from './roster-explanations';
import { fairSwaps } from './fair-swaps';
import { buildRosterModel, preferenceValue, type RosterModel } from './roster-model';
import { completeSolution, toSolverModel } from './roster-solver-model';
import type { RosterInput, RosterObjective, RosterResult, RosterStageReport } from './roster-types';

export interface RosterSolveOptions {
  solver: ShiftSolver;
  /**
   * Time for the whole allocation: the cover stage may use half of it (it decides the most), each
   * later stage an equal share of what is left, at least a tenth.
   */
  timeLimitSeconds?: number;
  /** Relative MIP gap each stage may stop at. */
  relativeGap?: number;
}

/** The pins cannot all hold together (or with the rules): nothing was allocated. */
export class RosterInfeasibleError extends Error {
  override readonly name = 'RosterInfeasibleError';
}

/**
 * Allocates the roster lexicographically by sequential solves: each stage optimises its part of the
 * objective with every earlier part held at the value it reached. Sequential rather than one weighted
 * program because the parts have no common unit (service level, hours, preference points): weights
 * that surely keep the order would have to span many orders of magnitude and HiGHS's tolerances
 * (1e-6 relative) would then blur the lower parts; held values keep the order and each stage stays
 * well scaled. How each part is held, sparsely where it can be (a dense row over thousands of
 * binaries that must hold to 1e-6 leaves HiGHS's heuristics almost no move):
 * - cover depends only on how many people each shift gets, so each shift keeps the cover stage's
 *   count (`Σ_{p on s} x_p = n_s`, and the cover columns keep their values). Other counts with the
 *   very same cover are not explored: with service-level values such ties are rare;
 * - the most hard hours: `Z`'s upper bound;
 * - spread and preferences: a row `cost·x ≤ reached + 1e-6·max(1, |reached|)`.
 * Each stage starts from the previous stage's roster (it keeps every held value; the fairness stage
 * from it improved by {@link fairSwaps}), so a stage out of time still ends with a roster at least as
 * good. Every stage is built in the caller's order, so the
 * same input gives the same roster (HiGHS is deterministic).
 *
 * @example
 * const roster = await allocateRoster(input, { solver: solveOnThisThread });
 * roster.given; // candidate indices, e.g. [0, 3, 4]
 */
export async function allocateRoster(input: RosterInput, options: RosterSolveOptions): Promise<RosterResult> {
  const model = buildRosterModel(input);
  const budget = options.timeLimitSeconds ?? 60;
  const relativeGap = options.relativeGap ?? 1e-4;
  let spent = 0;
  const held: RosterModel['rows'] = [];
  const colLower = [...model.colLower];
  const colUpper = [...model.colUpper];
  const stages: RosterStageReport[] = [];
  let values: Float64Array | null = null;
  for (const stage of model.stages) {
    if (values !== null && stage.cost.every((cost) => cost === 0)) continue;
    const solverModel = toSolverModel({ ...model, colLower, colUpper }, stage.cost, held);
    // The previous stage's roster keeps every held value; before the fairness stage, single swaps
    // that lower the most hard hours make it a better start.
    if (values !== null)
      solverModel.start =
        stage.name === 'max-hard-hours'
          ? completeSolution(model, input, values, fairSwaps(input, givenIn(values)))
          : values;
    const stagesLeft = model.stages.length - stages.length;
    const timeLimitSeconds =
      stage.name === 'cover' ? budget / 2 : Math.max(budget / 10, (budget - spent) / stagesLeft);
    const result = await options.solver(solverModel, { timeLimitSeconds, relativeGap });
    spent += result.seconds;
    if (!Number.isFinite(result.objective)) {
      if (values === null)
        throw new RosterInfeasibleError(
          `no roster keeps every pin and rule together (HiGHS: ${result.status})`,
        );
      break; // a later stage found nothing within its time: keep the earlier stage's roster
    }
    values = result.colValue;
    stages.push({
      stage: stage.name,
      status: result.status,
      objective: result.objective,
      bound: Number.isFinite(result.bound) ? result.bound : null,
      gap: Number.isFinite(result.bound)
        ? Math.abs(result.objective - result.bound) / Math.max(Math.abs(result.objective), 1e-9)
        : null,
      seconds: result.seconds,
    });
    hold(stage, result.objective, values);
  }

  function givenIn(solution: Float64Array): number[] {
    return input.candidates.flatMap((_, p) => (solution[p] > 0.5 ? [p] : []));
  }

  function hold(stage: RosterModel['stages'][number], reached: number, solution: Float64Array): void {
    if (stage.name === 'cover') {
      const byShift = input.shifts.map(() => [] as number[]);
      input.candidates.forEach((candidate, p) => byShift[candidate.shift].push(p));
      for (const list of byShift) {
        const count = list.reduce((sum, p) => sum + Math.round(solution[p]), 0);
        if (list.length > 0) held.push({ cols: list, values: list.map(() => 1), lower: count, upper: count });
      }
      for (const col of model.coverCols) colLower[col] = colUpper[col] = solution[col];
      return;
    }
    if (stage.name === 'max-hard-hours') {
      colUpper[model.maxHardCol] = solution[model.maxHardCol] + 1e-6;
      return;
    }
    const cols: number[] = [];
    const costs: number[] = [];
    stage.cost.forEach((cost, col) => {
      if (cost !== 0) {
        cols.push(col);
        costs.push(cost);
      }
    });
    held.push({ cols, values: costs, lower: -1e30, upper: reached + 1e-6 * Math.max(1, Math.abs(reached)) });
  }

  const given = givenIn(values!);
  return {
    given,
    objective: rosterObjective(input, given, stages),
    stages,
    explanations: explainRoster(input, given),
  };
}

/** The objective's parts of a roster, computed from the roster itself (not from the solver's columns). */
export function rosterObjective(
  input: RosterInput,
  given: readonly number[],
  stages: readonly RosterStageReport[] = [],
): RosterObjective {
  const { candidates, shifts, intervals, members } = input;
  const filled = new Array<number>(intervals.length).fill(0);
  const hardHours = new Array<number>(members.length).fill(0);
  let cover = 0;
  let preferenceScore = 0;
  let points = 0;
  for (const p of given) {
    const shift = shifts[candidates[p].shift];
    cover += shift.nominalValue;
    for (const i of shift.intervals) filled[i]++;
    hardHours[candidates[p].member] += shift.hardHours;
    preferenceScore += preferenceValue(candidates[p].preference, candidates[p].rank);
    points += members[candidates[p].member].points;
  }
  filled.forEach((count, i) => {
    for (let k = 0; k < Math.min(count, intervals[i].placeValues.length); k++)
      cover += intervals[i].placeValues[k];
  });
  const isGiven = new Set(given);
  const wants = candidates
    .map((candidate, p) => ({ candidate, p }))
    .filter(({ candidate }) => candidate.preference === 'want');
  const spreadStage = stages.find((stage) => stage.stage === 'spread');
  return {
    cover: round(cover),
    maxHardHours: round(Math.max(0, ...hardHours)),
    spread: round(spreadStage?.objective ?? 0),
    departmentRange: round(departmentRange(input, hardHours)),
    wantsGiven: wants.filter(({ p }) => isGiven.has(p)).length,
    wantsNotGiven: wants.filter(({ p }) => !isGiven.has(p)).length,
    cansGiven: given.filter((p) => candidates[p].preference === 'can').length,
    preferenceScore: round(preferenceScore),
    points: round(points),
  };
}

function departmentRange(input: RosterInput, hardHours: readonly number[]): number {
  const totals = new Map<string, { hours: number; people: number }>();
  const withCandidates = new Set(input.candidates.map((candidate) => candidate.member));
  input.members.forEach((member, m) => {
    if (member.department === null || !withCandidates.has(m)) return;
    const total = totals.get(member.department) ?? { hours: 0, people: 0 };
    total.hours += hardHours[m];
    total.people++;
    totals.set(member.department, total);
  });
  if (totals.size < 2) return 0;
  const perMember = [...totals.values()].map((total) => total.hours / total.people);
  return Math.max(...perMember) - Math.min(...perMember);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
