/* The job queue on a PostgreSQL server: pg-boss (jobs in tables of its own `pgboss` schema, claimed
 * with SELECT … FOR UPDATE SKIP LOCKED, so each job goes to exactly one instance). Its statements go
 * through the service's own connection pool (see docs/scaling.md for sizing). */
import { Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';

import { JobQueue, type JobHandler, type JobState, type SendOptions } from './job-queue';
import { policyFor, type JobName } from './job-policies';

export interface PgBossQueueSettings {
  /** Default attempt timeout (PEAKPLAN_JOB_TIMEOUT_SECONDS): how soon a dead instance's job is retried. */
  timeoutSeconds: number;
  /** How often an idle worker looks for a job. */
  pollingSeconds?: number;
}

/** The outcome a finished job stores: our handler's result is wrapped, pg-boss stores an error as is. */
interface StoredOutput {
  result?: unknown;
  message?: string;
  value?: { message?: string };
}

export class PgBossJobQueue extends JobQueue {
  private readonly logger = new Logger('job-queue');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<JobName, JobHandler<object>>();
  private readonly created = new Map<JobName, Promise<void>>();
  private started = false;

  constructor(
    pool: Pool,
    private readonly settings: PgBossQueueSettings,
  ) {
    super();
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      // Expiry (a dead instance's job back to the queue) is checked by maintenance: at least this often,
      // by whichever instance's turn it is (pg-boss keeps one maintainer per interval).
      maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(settings.timeoutSeconds / 4))),
      // Finished jobs are kept a week for the record, then dropped.
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 7,
      // Our jobs are sent, not scheduled: the planning jobs keep their own run-once schedule.
      schedule: false,
    });
    this.boss.on('error', (error: Error) => this.logger.warn(`pg-boss: ${error.message}`));
  }

  work<Data extends object>(name: JobName, handler: JobHandler<Data>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} already has a handler`);
    this.handlers.set(name, handler as JobHandler<object>);
    if (this.started) void this.listen(name);
  }

  async send<Data extends object>(name: JobName, data: Data, options: SendOptions = {}): Promise<string> {
    await this.queueFor(name);
    const policy = policyFor(name, this.settings.timeoutSeconds);
    const id = await this.boss.send(name, data, {
      ...(options.id ? { id: options.id } : {}),
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: policy.timeoutSeconds,
    });
    // null: a job with this id exists already (sending twice queues once).
    return id ?? options.id!;
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const name of this.handlers.keys()) await this.listen(name);
  }

  /** No new jobs; the running ones are failed back to the queue, for another instance to retry. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
  }

  async unfinished(name: JobName, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `select id::text from pgboss.job where name = $1 and id = any($2::uuid[]) and state < 'completed'`,
        [name, ids],
      );
    return new Set(rows.map((row: { id: string }) => row.id));
  }

  async state(name: JobName, id: string): Promise<JobState | null> {
    const job = await this.boss.getJobById<object>(name, id, { includeArchive: true });
    if (!job) return null;
    const output = (job.output ?? {}) as StoredOutput;
    switch (job.state) {
      case 'completed':
        return { state: 'completed', output: output.result ?? null };
      case 'failed':
      case 'cancelled':
        return { state: 'failed', error: output.message ?? output.value?.message ?? job.state };
      case 'active':
        return { state: 'active' };
      default:
        return { state: 'waiting' };
    }
  }

  private queueFor(name: JobName): Promise<void> {
    let created = this.created.get(name);
    if (!created) {
      // create_queue is "insert … on conflict do nothing": every instance may ask, one creates.
      created = this.boss.createQueue(name).catch((error: Error) => {
        this.created.delete(name);
        throw error;
      });
      this.created.set(name, created);
    }
    return created;
  }

  private async listen(name: JobName): Promise<void> {
    await this.queueFor(name);
    const handler = this.handlers.get(name)!;
    // One job at a time per name per instance (batch of one): work spreads over the instances.
    await this.boss.work<object>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.settings.pollingSeconds ?? 2 },
      async ([job]) => {
        const result = await handler({
          id: job.id,
          name,
          data: job.data,
          attempt: job.retryCount + 1,
          lastAttempt: job.retryCount >= job.retryLimit,
        });
        return { result: result ?? null };
      },
    );
  }
}
