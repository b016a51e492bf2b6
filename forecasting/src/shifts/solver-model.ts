/** A mixed-integer program in HiGHS's column-wise (CSC) form: `min c·x, rowLower ≤ Ax, lower ≤ x ≤ upper`. */
export interface SolverModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column j's entries are `starts[j] .. starts[j+1]`. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  /** A feasible solution to start from (a MIP's first incumbent), e.g. the previous stage's roster. */
  start?: Float64Array;
}

export interface SolverLimits {
  timeLimitSeconds: number;
  /** Relative MIP gap at which the solver may stop, e.g. 0.01. */
  relativeGap: number;
}

export interface SolverResult {
  /** HiGHS model status name: 'optimal', 'timeLimit', 'infeasible', ... */
  status: string;
  objective: number;
  /** Proven lower bound on the optimum (HiGHS `mip_dual_bound`: the LP bound tightened by cuts and branching). */
  bound: number;
  colValue: Float64Array;
  seconds: number;
}

/** Anything that solves a {@link SolverModel}: HiGHS on this thread, in a worker, or a test double. */
export type ShiftSolver = (model: SolverModel, limits: SolverLimits) => Promise<SolverResult>;

/** Infinity as HiGHS's WebAssembly build understands it in bounds. */
export const SOLVER_INFINITY = 1e30;

/** A solve sent to the HiGHS worker thread. */
export interface SolverJob {
  id: number;
  model: SolverModel;
  limits: SolverLimits;
}

/** The worker's answer to a {@link SolverJob}: its result, or what went wrong. */
export type SolverReply =
  { id: number; result: SolverResult; error?: undefined } | { id: number; error: string };
