import type { SolverModel } from '../shifts/solver-model';
import { HARD_HOUR_BLOCK, type RosterModel } from './roster-model';
import type { RosterInput } from './roster-types';

/** The model with extra rows, in HiGHS's column-wise form, minimising `cost`. */
export function toSolverModel(
  model: RosterModel,
  cost: readonly number[],
  extraRows: RosterModel['rows'] = [],
): SolverModel {
  const rows = [...model.rows, ...extraRows];
  const counts = new Int32Array(model.numCols + 1);
  for (const row of rows) for (const col of row.cols) counts[col + 1]++;
  for (let j = 0; j < model.numCols; j++) counts[j + 1] += counts[j];
  const starts = Int32Array.from(counts);
  const next = Int32Array.from(counts.subarray(0, model.numCols));
  const indices = new Int32Array(counts[model.numCols]);
  const values = new Float64Array(counts[model.numCols]);
  rows.forEach((row, r) => {
    row.cols.forEach((col, e) => {
      indices[next[col]] = r;
      values[next[col]++] = row.values[e];
    });
  });
  return {
    numCols: model.numCols,
    numRows: rows.length,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(model.colLower),
    colUpper: Float64Array.from(model.colUpper),
    rowLower: Float64Array.from(rows, (row) => row.lower),
    rowUpper: Float64Array.from(rows, (row) => row.upper),
    starts,
    indices,
    values,
    integrality: Int32Array.from(model.integrality),
  };
}

/**
 * A full column vector for the roster `given`: its x, and the fairness columns that follow from it
 * (Z, the hard-hour blocks filled in order, the departments' highest and lowest); every other column
 * (cover) is taken from `base`, which must have the same number of people per shift.
 */
export function completeSolution(
  model: RosterModel,
  input: RosterInput,
  base: Float64Array,
  given: readonly number[],
): Float64Array {
  const solution = Float64Array.from(base);
  const hardHours = new Array<number>(input.members.length).fill(0);
  input.candidates.forEach((_, p) => (solution[p] = 0));
  for (const p of given) {
    solution[p] = 1;
    hardHours[input.candidates[p].member] += input.shifts[input.candidates[p].shift].hardHours;
  }
  solution[model.maxHardCol] = Math.max(0, ...hardHours);
  model.blockColsByMember.forEach((cols, m) => {
    let left = hardHours[m];
    for (const col of cols) {
      solution[col] = Math.min(HARD_HOUR_BLOCK, Math.max(0, left));
      left -= solution[col];
    }
  });
  if (model.departments) {
    const perMember = model.departments.members.map(
      (list) => list.reduce((sum, m) => sum + hardHours[m], 0) / list.length,
    );
    solution[model.departments.highest] = Math.max(...perMember);
    solution[model.departments.lowest] = Math.min(...perMember);
  }
  return solution;
}
