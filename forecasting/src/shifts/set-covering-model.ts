import { ShiftPattern } from './shift-patterns';
import { SOLVER_INFINITY, SolverModel } from './solver-model';

/** One day's set-covering program and the patterns behind its first columns. */
export interface DayModel {
  solver: SolverModel;
  /** Column p < patterns.length is "how many people work patterns[p]". */
  patterns: ShiftPattern[];
}

/**
 * Set covering with explicit shift-and-break patterns (Dantzig 1954; Aykin 1996 for explicit
 * breaks): `min Σ_p cost_p·x_p + penalty·Σ_t u_t` subject to
 * `Σ_{p working in t} x_p + u_t ≥ required_t` for every interval with a requirement,
 * `x_p ∈ ℕ`, `u_t ≥ 0`. Patterns that cover no required interval are dropped.
 *
 * @example
 * buildDayModel(Float64Array.of(1, 1), [{ start: 0, end: 2, breakStart: -1, breakEnd: -1, paidHours: 0.5 }], 1, 4)
 *   .solver.numCols; // 3 (one shift, two slack columns)
 */
export function buildDayModel(
  required: Float64Array,
  allPatterns: readonly ShiftPattern[],
  hourlyCost: number,
  penalty: number,
): DayModel {
  const rowOf = new Int32Array(required.length).fill(-1);
  let numRows = 0;
  let peak = 0;
  required.forEach((need, t) => {
    if (need > 0) rowOf[t] = numRows++;
    peak = Math.max(peak, need);
  });
  const patterns: ShiftPattern[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  for (const pattern of allPatterns) {
    const before = indices.length;
    for (let t = pattern.start; t < pattern.end; t++) {
      if (t >= pattern.breakStart && t < pattern.breakEnd) continue;
      if (rowOf[t] >= 0) indices.push(rowOf[t]);
    }
    if (indices.length === before) continue;
    patterns.push(pattern);
    starts.push(indices.length);
  }
  for (let row = 0; row < numRows; row++) {
    indices.push(row);
    starts.push(indices.length);
  }
  const numCols = patterns.length + numRows;
  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(SOLVER_INFINITY);
  const integrality = new Int32Array(numCols);
  patterns.forEach((pattern, p) => {
    colCost[p] = pattern.paidHours * hourlyCost;
    colUpper[p] = Math.ceil(peak);
    integrality[p] = 1;
  });
  colCost.fill(penalty, patterns.length);
  const rowLower = new Float64Array(numRows);
  required.forEach((need, t) => {
    if (rowOf[t] >= 0) rowLower[rowOf[t]] = need;
  });
  return {
    patterns,
    solver: {
      numCols,
      numRows,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper,
      rowLower,
      rowUpper: new Float64Array(numRows).fill(SOLVER_INFINITY),
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
      integrality,
    },
  };
}
