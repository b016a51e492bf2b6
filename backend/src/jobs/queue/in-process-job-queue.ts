/* The job queue on embedded PostgreSQL: one process owns the database (data-folder lock), so the
 * queue lives in that process. Same contract as pg-boss: jobs of a name run one at a time in the order
 * sent, a failed attempt is retried with back-off, and the outcome can be asked for by id. A job still
 * waiting when the process stops is lost with it; the features mark their own rows (a forecast run
 * left running is failed at the next start). */
import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';

import { JobQueue, type JobHandler, type JobState, type SendOptions } from './job-queue';
import { policyFor, type JobName } from './job-policies';

/** Outcomes kept for {@link JobQueue.state}: enough for every waiter, bounded for a long-lived process. */
const KEPT_OUTCOMES = 1000;

export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger('job-queue');
  private readonly handlers = new Map<JobName, JobHandler<object>>();
  /** Per name, the tail of its chain: jobs of one name run one after another. */
  private readonly chains = new Map<JobName, Promise<void>>();
  private readonly states = new Map<string, JobState>();
  private readonly held: { name: JobName; id: string; data: object }[] = [];
  private started = false;
  private stopped = false;

  constructor(
    private readonly sleep: (ms: number) => Promise<void> = (ms) => delay(ms),
    private readonly random: () => number = Math.random,
  ) {
    super();
  }

  work<Data extends object>(name: JobName, handler: JobHandler<Data>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} already has a handler`);
    this.handlers.set(name, handler as JobHandler<object>);
  }

  async send<Data extends object>(name: JobName, data: Data, options: SendOptions = {}): Promise<string> {
    const id = options.id ?? randomUUID();
    if (this.states.has(id)) return id;
    this.remember(id, { state: 'waiting' });
    if (this.started) this.enqueue(name, id, data);
    else this.held.push({ name, id, data });
    return id;
  }

  async start(): Promise<void> {
    this.started = true;
    for (const job of this.held.splice(0)) this.enqueue(job.name, job.id, job.data);
  }

  /** Stops starting jobs; the one running finishes (or fails) as its feature's shutdown decides. */
  async stop(): Promise<void> {
    this.stopped = true;
  }

  async unfinished(_name: JobName, ids: readonly string[]): Promise<Set<string>> {
    return new Set(
      ids.filter((id) => ['waiting', 'active'].includes(this.states.get(id)?.state ?? 'completed')),
    );
  }

  async state(_name: JobName, id: string): Promise<JobState | null> {
    return this.states.get(id) ?? null;
  }

  private enqueue(name: JobName, id: string, data: object): void {
    const tail = (this.chains.get(name) ?? Promise.resolve()).then(() => this.runAttempts(name, id, data));
    this.chains.set(name, tail);
  }

  private async runAttempts(name: JobName, id: string, data: object): Promise<void> {
    const handler = this.handlers.get(name);
    const policy = policyFor(name, 0);
    for (let attempt = 1; ; attempt++) {
      if (this.stopped) return this.remember(id, { state: 'failed', error: 'the service stopped' });
      if (!handler) return this.remember(id, { state: 'failed', error: `no handler for job ${name}` });
      const lastAttempt = attempt > policy.retryLimit;
      this.remember(id, { state: 'active' });
      try {
        const output = await handler({ id, name, data, attempt, lastAttempt });
        return this.remember(id, { state: 'completed', output: output ?? null });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (lastAttempt) {
          this.logger.warn(`job ${name} ${id} failed after ${attempt} attempt(s): ${message}`);
          return this.remember(id, { state: 'failed', error: message });
        }
        // pg-boss's back-off: delay × 2^attempt / 2, plus up to as much again at random.
        const base = policy.retryDelaySeconds * 1000 * 2 ** (attempt - 1);
        await this.sleep(base + base * this.random());
      }
    }
  }

  private remember(id: string, state: JobState): void {
    this.states.delete(id);
    this.states.set(id, state);
    if (this.states.size <= KEPT_OUTCOMES) return;
    // The oldest finished outcome goes; a job still waiting is never forgotten.
    for (const [key, kept] of this.states)
      if (kept.state === 'completed' || kept.state === 'failed') {
        this.states.delete(key);
        return;
      }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
