/* What a scenario computation can keep for the next one with other adjustments: per queue, the staffing
 * (the Erlang search, most of the work) and the service levels without the pool, with what they were
 * computed from. A slider that moves only a cost or the core staff leaves a queue's forecast and staffing
 * settings as they were; the editor's recompute then reuses them instead of searching again. */

/** A queue's staffing per interval: required and scheduled agents, and Erlang A's reached service level. */
export interface QueueStaffing {
  required: ArrayLike<number>;
  scheduled: ArrayLike<number>;
  /** The service level the search reached with the required agents (Erlang A), else null. */
  reached: Float64Array | null;
}

interface QueueMemo {
  /** The settings the staffing depends on, besides the forecast. */
  settings: string;
  forecast: Float64Array;
  staffing: QueueStaffing;
  /** The core staff and the service level it reaches alone, per interval (live queues). */
  core: Int32Array | null;
  withoutPool: Float64Array | null;
}

/** Kept by a caller between computations of one scenario's inputs (the editor's worker); start anew with new inputs. */
export interface ScenarioCache {
  readonly queues: Map<string, QueueMemo>;
}

export function createScenarioCache(): ScenarioCache {
  return { queues: new Map() };
}

function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The queue's memo where it was made from the same settings and forecast (its staffing holds), else null.
 * `queue` names the queue (its id and name); `settings` lists everything else the staffing depends on.
 */
export function recall(
  cache: ScenarioCache | undefined,
  queue: string,
  settings: string,
  forecast: Float64Array,
): QueueMemo | null {
  const memo = cache?.queues.get(queue);
  return memo && memo.settings === settings && sameNumbers(memo.forecast, forecast) ? memo : null;
}

/** Keeps a queue's figures of this computation for the next. */
export function remember(cache: ScenarioCache | undefined, queue: string, memo: QueueMemo): void {
  cache?.queues.set(queue, memo);
}
