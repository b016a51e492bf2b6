import { solveOnThisThread } from './highs-solver';
import type { ShiftSolver, SolverLimits, SolverModel, SolverReply, SolverResult } from './solver-model';

/* CommonJS's module directory (compiled, jest and tsx all load this library as CommonJS). Declared
 * here, not taken from Node's types, so the library still compiles where those are absent. */
declare const __dirname: string;

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
}
interface WorkerThreadsLike {
  Worker: new (file: string, options: { execArgv: string[] }) => WorkerLike;
}
interface ModuleLike {
  createRequire(path: string): { resolve(id: string): string };
}
interface FileSystemLike {
  existsSync(path: string): boolean;
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

/** The worker could not be started (no worker threads, or its file or tsx not found). */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

let workerUnavailable = false;

/**
 * The default solver: the shared worker thread where one can be started, otherwise HiGHS on this
 * thread (browsers, or a runtime that cannot load the worker's file).
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

/**
 * The worker's file beside this one: compiled (`highs-worker.js`, as `npm start` and the service run
 * it), else the TypeScript source through tsx (jest and the `peakplan` command line).
 */
function workerScript(runtime: NodeProcessLike): { file: string; execArgv: string[] } {
  const files = runtime.getBuiltinModule!('node:fs') as FileSystemLike;
  const compiled = `${__dirname}/highs-worker.js`;
  if (files.existsSync(compiled)) return { file: compiled, execArgv: [] };
  const source = `${__dirname}/highs-worker.ts`;
  const modules = runtime.getBuiltinModule!('node:module') as ModuleLike;
  return { file: source, execArgv: ['--require', modules.createRequire(source).resolve('tsx/cjs')] };
}

function sharedWorker(): WorkerLike {
  if (worker) return worker;
  const runtime = nodeProcess();
  if (!runtime?.getBuiltinModule)
    throw new WorkerStartError('worker threads are not available in this runtime');
  let created: WorkerLike;
  try {
    const threads = runtime.getBuiltinModule('node:worker_threads') as WorkerThreadsLike;
    const { file, execArgv } = workerScript(runtime);
    created = new threads.Worker(file, { execArgv });
  } catch (error) {
    throw new WorkerStartError(
      `cannot start the HiGHS worker: ${error instanceof Error ? error.message : error}`,
    );
  }
  created.unref();
  created.on('message', (message: SolverReply) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) created.unref();
    if (message.error === undefined) job.resolve(message.result);
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
