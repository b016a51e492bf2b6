/* The job queue that long work goes through: any instance of the service may take a job. Two kinds,
 * chosen by the database (job-queue.module.ts): pg-boss on a PostgreSQL server, in-process on
 * embedded PostgreSQL (one process by design). */
import type { BeforeApplicationShutdown } from '@nestjs/common';

import type { JobName } from './job-policies';

/** One attempt at a job, as its handler sees it. */
export interface QueuedJob<Data> {
  id: string;
  name: JobName;
  data: Data;
  /** 1 for the first attempt; a retry (after an error, or after the instance holding it died) counts up. */
  attempt: number;
  /** No retry follows if this attempt fails: the handler records the failure for good. */
  lastAttempt: boolean;
}

export type JobHandler<Data> = (job: QueuedJob<Data>) => Promise<unknown>;

export interface SendOptions {
  /** The job's id (a UUID): sending the same id twice queues it once. Default a new one. */
  id?: string;
}

/** Where a job stands; `output` is what the handler returned, `error` why it failed for good. */
export interface JobState {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  output?: unknown;
  error?: string;
}

export class JobFailedError extends Error {
  override readonly name = 'JobFailedError';
}

/**
 * Nest injection token and contract. Handlers are registered with {@link work} while modules
 * initialise; {@link start} (after migrations, see start-service.ts) begins taking jobs.
 */
export abstract class JobQueue implements BeforeApplicationShutdown {
  /** Queues a job; resolves with its id once it is stored (server) or accepted (in-process). */
  abstract send<Data extends object>(name: JobName, data: Data, options?: SendOptions): Promise<string>;
  /** Registers this instance's handler for a job name (one per name). */
  abstract work<Data extends object>(name: JobName, handler: JobHandler<Data>): void;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  /** The ids among `ids` whose job is still to run or running (for finding work nobody will finish). */
  abstract unfinished(name: JobName, ids: readonly string[]): Promise<Set<string>>;
  abstract state(name: JobName, id: string): Promise<JobState | null>;

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Queues a job and waits for its outcome: its handler's result, or JobFailedError once it fails for good. */
  async sendAndWait<Data extends object, Result>(
    name: JobName,
    data: Data,
    options: SendOptions & { pollMs?: number } = {},
  ): Promise<Result> {
    const id = await this.send(name, data, options);
    for (let wait = 20; ; wait = Math.min(wait * 2, options.pollMs ?? 250)) {
      const found = await this.state(name, id);
      if (found?.state === 'completed') return found.output as Result;
      if (found?.state === 'failed') throw new JobFailedError(found.error ?? `job ${name} ${id} failed`);
      if (!found) throw new JobFailedError(`job ${name} ${id} is gone`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
