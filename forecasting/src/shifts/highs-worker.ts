/* The HiGHS worker thread: a thin host around `solveOnThisThread` (the same solve as on any thread; the
 * runtime loads once per thread). Started by worker-solver.ts, compiled or through tsx. */
import { parentPort } from 'node:worker_threads';

import { solveOnThisThread } from './highs-solver';
import type { SolverJob, SolverReply } from './solver-model';

const port = parentPort;
if (!port) throw new Error('highs-worker runs as a worker thread only');

port.on('message', async ({ id, model, limits }: SolverJob) => {
  let reply: SolverReply;
  try {
    reply = { id, result: await solveOnThisThread(model, limits) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
