/* What the service and the forecast engine's worker thread say to each other. */
import type { ForecastEngineResult, ForecastEngineSettings, ForecastEngineStage } from './forecast-engine';
import type { PackedIntervals } from './packed-intervals';

/** One run's engine input: its settings, and its interval history packed (see packed-intervals.ts). */
export interface ForecastEngineJob {
  settings: ForecastEngineSettings;
  intervals: PackedIntervals;
}

export interface EngineJobMessage {
  jobId: number;
  job: ForecastEngineJob;
}

/** An engine error, sent as plain data (an Error's class does not survive postMessage's copy). */
export interface EngineErrorData {
  name: string;
  message: string;
  stack?: string;
}

export type EngineReply =
  /** The worker has loaded the engine: from here on a crash is the job's failure, not a failed start. */
  | { kind: 'ready' }
  | { kind: 'stage'; jobId: number; stage: ForecastEngineStage }
  | { kind: 'result'; jobId: number; result: ForecastEngineResult }
  | { kind: 'error'; jobId: number; error: EngineErrorData };

/** Rebuilds an engine error with its class where it is a built-in one (the service logs those differently). */
export function engineErrorFrom(data: EngineErrorData): Error {
  const error =
    data.name === 'RangeError'
      ? new RangeError(data.message)
      : data.name === 'TypeError'
        ? new TypeError(data.message)
        : new Error(data.message);
  if (data.stack) error.stack = data.stack;
  return error;
}
