import { solveOnThisThread } from './highs-solver';
import { ShiftSolver, SolverLimits, SolverModel, SolverResult } from './solver-model';

/* The worker's source is plain JavaScript (no TypeScript loader needed in the worker, so it runs the
 * same under tsx, jest and compiled code). It mirrors `solveWith` in highs-solver.ts; the spec
 * checks that both give the same plan. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loadHighs = require(workerData.highsPath);
let runtime;
parentPort.on('message', async ({ id, model, limits }) => {
  try {
    runtime = runtime || (await loadHighs());
    const highs = runtime;
    const names = {};
    for (const [name, code] of Object.entries(highs.constants.modelStatus)) names[code] = name;
    const cap = (values) => values.map((value) => Math.min(value, highs.infinity));
    const instance = highs.createModel({
      numCols: model.numCols, numRows: model.numRows, colCost: model.colCost,
      colLower: model.colLower, colUpper: cap(model.colUpper),
      rowLower: model.rowLower, rowUpper: cap(model.rowUpper),
      matrix: { format: 'csc', numRows: model.numRows, numCols: model.numCols,
        starts: model.starts, indices: model.indices, values: model.values },
      integrality: model.integrality,
    });
    try {
      instance.options.set({ output_flag: false, time_limit: limits.timeLimitSeconds,
        mip_rel_gap: limits.relativeGap });
      instance.run();
      const status = names[instance.getModelStatus()] || 'unknown';
      const hasSolution = Number(instance.info.get('primal_solution_status')) >= 2;
      const colValue = hasSolution ? Float64Array.from(instance.getSolution().colValue) : new Float64Array(model.numCols);
      const objective = hasSolution ? instance.getObjectiveValue() : Infinity;
      const isMip = model.integrality.some((kind) => kind === 1);
      const bound = isMip ? Number(instance.info.get('mip_dual_bound')) : objective;
      parentPort.postMessage({ id, result: { status, objective, bound, colValue, seconds: instance.getRunTime() } });
    } finally {
      instance.dispose();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: string, listener: (value: never) => void): void;
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
}

interface Pending {
  resolve(result: SolverResult): void;
  reject(error: Error): void;
}

let worker: WorkerLike | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/* Node's APIs are typed locally, so the library still compiles where Node's types are absent (the
 * Angular dashboard compiles it with `types: []`). */
interface NodeProcessLike {
  getBuiltinModule?(id: string): unknown;
  cwd(): string;
}
interface WorkerThreadsLike {
  Worker: new (source: string, options: { eval: boolean; workerData: unknown }) => WorkerLike;
}
interface ModuleLike {
  createRequire(path: string): { resolve(id: string): string };
}

function nodeProcess(): NodeProcessLike | undefined {
  return (globalThis as { process?: NodeProcessLike }).process;
}

/** Whether this runtime can start a Node worker thread (false in browsers). */
export function canUseWorkerThreads(): boolean {
  return typeof nodeProcess()?.getBuiltinModule === 'function';
}

/**
 * Solves on one shared Node worker thread (started on first use, `unref`'d so it never keeps the
 * process alive while idle), so a service's event loop stays free while HiGHS works. The worker loads
 * HiGHS once and solves jobs one after another. If it dies, pending solves reject and the next
 * call starts a fresh one.
 *
 * @example
 * const plan = await planShifts(requirement, { solver: workerSolver });
 */
export const workerSolver: ShiftSolver = (model: SolverModel, limits: SolverLimits) =>
  new Promise<SolverResult>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      const thread = sharedWorker();
      thread.ref(); // keep the process alive while a solve is pending
      thread.postMessage({ id, model, limits });
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });

/** The worker could not be started (no worker threads, or `highs` not found from the working directory). */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

let workerUnavailable = false;

/**
 * The default solver: the shared worker thread where one can be started, otherwise HiGHS on this
 * thread (browsers, or a process whose working directory cannot see `highs`).
 */
export const defaultShiftSolver: ShiftSolver = async (model, limits) => {
  if (!workerUnavailable && canUseWorkerThreads()) {
    try {
      return await workerSolver(model, limits);
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      workerUnavailable = true;
    }
  }
  return solveOnThisThread(model, limits);
};

/** Stops the shared worker (tests, graceful shutdown). */
export async function stopWorkerSolver(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (current) await current.terminate();
}

function sharedWorker(): WorkerLike {
  if (worker) return worker;
  const runtime = nodeProcess();
  if (!runtime?.getBuiltinModule)
    throw new WorkerStartError('worker threads are not available in this runtime');
  let created: WorkerLike;
  try {
    const threads = runtime.getBuiltinModule('node:worker_threads') as WorkerThreadsLike;
    const modules = runtime.getBuiltinModule('node:module') as ModuleLike;
    // Resolved from the working directory (Node walks up to the nearest node_modules holding `highs`).
    const highsPath = modules.createRequire(`${runtime.cwd()}/peakplan-worker.js`).resolve('highs');
    created = new threads.Worker(WORKER_SOURCE, { eval: true, workerData: { highsPath } });
  } catch (error) {
    throw new WorkerStartError(
      `cannot start the HiGHS worker: ${error instanceof Error ? error.message : error}`,
    );
  }
  created.unref();
  created.on('message', (message: { id: number; result?: SolverResult; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) created.unref();
    if (message.result) job.resolve(message.result);
    else job.reject(new Error(`HiGHS worker: ${message.error}`));
  });
  const fail = (error: Error) => {
    if (worker === created) worker = undefined;
    for (const [id, job] of pending) {
      pending.delete(id);
      job.reject(error);
    }
  };
  created.on('error', fail);
  created.on('exit', (code: number) => fail(new Error(`HiGHS worker stopped (exit code ${code})`)));
  worker = created;
  return created;
}
