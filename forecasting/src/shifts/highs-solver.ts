import type { Highs } from 'highs';
import { ShiftSolver, SolverLimits, SolverModel, SolverResult } from './solver-model';

let highsRuntime: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per thread (`highs` npm package, default export loader;
 * in Node it finds `highs.wasm` beside its loader). Later calls share the same runtime.
 */
export function loadHighs(): Promise<Highs> {
  highsRuntime ??= import('highs').then((module) => module.default());
  return highsRuntime;
}

/**
 * Solves a model with HiGHS on the calling thread (browser what-if screens run this inside their
 * own Web Worker; Node services should prefer {@link workerSolver}).
 *
 * @example
 * await solveOnThisThread(model, { timeLimitSeconds: 10, relativeGap: 0.01 }); // { status: 'optimal', ... }
 */
export const solveOnThisThread: ShiftSolver = async (model, limits) =>
  solveWith(await loadHighs(), model, limits);

/** The solve itself, shared with the worker (which loads its own runtime). */
export function solveWith(highs: Highs, model: SolverModel, limits: SolverLimits): SolverResult {
  const names = Object.fromEntries(
    Object.entries(highs.constants.modelStatus).map(([name, code]) => [code, name]),
  );
  const instance = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper.map((value) => Math.min(value, highs.infinity)),
    rowLower: model.rowLower,
    rowUpper: model.rowUpper.map((value) => Math.min(value, highs.infinity)),
    matrix: {
      format: 'csc',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    integrality: model.integrality as unknown as Int32Array,
  });
  try {
    instance.options.set({
      output_flag: false,
      time_limit: limits.timeLimitSeconds,
      mip_rel_gap: limits.relativeGap,
    });
    if (model.start) instance.setSolution({ colValue: model.start });
    instance.run();
    const status = names[instance.getModelStatus()] ?? 'unknown';
    const hasSolution = Number(instance.info.get('primal_solution_status')) >= 2;
    const colValue = hasSolution
      ? Float64Array.from(instance.getSolution().colValue)
      : new Float64Array(model.numCols);
    const objective = hasSolution ? instance.getObjectiveValue() : Infinity;
    const isMip = model.integrality.some((kind) => kind === 1);
    const bound = isMip ? Number(instance.info.get('mip_dual_bound')) : objective;
    return { status, objective, bound, colValue, seconds: instance.getRunTime() };
  } finally {
    instance.dispose();
  }
}
