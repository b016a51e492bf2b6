/* Puts a service method on the job queue with one line: `@RunsOnJobQueue('roster-allocation')` above
 * `async runAllocation(id: string): Promise<void>`. Every call of the method then queues a job with
 * its arguments (JSON) and returns once the job is stored; whichever instance takes the job runs the
 * method's own body, with the queue's retries (see job-policies.ts). With `{ wait: true }` the call
 * waits for the job and returns what the body returned (or throws JobFailedError). The wiring is
 * done at start by JobQueueExplorer. */
import { SetMetadata } from '@nestjs/common';

import type { JobName } from './job-policies';

export const RUNS_ON_JOB_QUEUE = Symbol('RUNS_ON_JOB_QUEUE');

export interface RunsOnJobQueueOptions {
  /** Wait for the job's outcome and return it (default: return once queued). */
  wait?: boolean;
}

export interface RunsOnJobQueueMetadata extends RunsOnJobQueueOptions {
  name: JobName;
}

/** The arguments of the call, as stored with the job. */
export interface QueuedCall {
  args: unknown[];
}

export function RunsOnJobQueue(name: JobName, options: RunsOnJobQueueOptions = {}): MethodDecorator {
  return SetMetadata(RUNS_ON_JOB_QUEUE, { name, ...options } satisfies RunsOnJobQueueMetadata);
}
