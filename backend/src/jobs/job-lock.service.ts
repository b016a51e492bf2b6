import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DatabaseKind } from '@peakplan/contracts';

import { DATABASE_KIND } from '../database/database-kind';
import { queryOne, queryRows } from '../database/query-rows';

export interface JobOutcome {
  job: string;
  runKey: string;
  ran: boolean;
  /** Why it did not run: another instance holds the lock, or this key has run already. */
  skipped?: 'locked' | 'already-run';
  result?: unknown;
  error?: string;
}

/**
 * Run-once across instances: a PostgreSQL advisory lock keeps two instances from running a job at
 * the same time, and a claimed (job, run key) row keeps a later instance from running the same
 * night again. (Embedded PostgreSQL runs one instance per data folder, on one connection: there
 * the claimed row alone does it.)
 */
@Injectable()
export class JobLockService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  async runOnce(
    job: string,
    runKey: string,
    work: () => Promise<unknown>,
    triggeredBy: string | null = null,
  ): Promise<JobOutcome> {
    // The embedded database has a single connection (see data-source-options): holding it for the lock
    // would leave none for the job. There the claimed row alone keeps a job from running twice.
    if (this.databaseKind === 'embedded') return this.claimAndRun(job, runKey, work, triggeredBy);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await queryRows<{ locked: boolean }>(
        runner,
        `select pg_try_advisory_lock(hashtext($1)) as locked`,
        [`peakplan-job:${job}`],
      );
      if (!locked) return { job, runKey, ran: false, skipped: 'locked' };
      try {
        return await this.claimAndRun(job, runKey, work, triggeredBy);
      } finally {
        await runner.query(`select pg_advisory_unlock(hashtext($1))`, [`peakplan-job:${job}`]);
      }
    } finally {
      await runner.release();
    }
  }

  private async claimAndRun(
    job: string,
    runKey: string,
    work: () => Promise<unknown>,
    triggeredBy: string | null,
  ): Promise<JobOutcome> {
    const claimed = await queryOne<{ id: string }>(
      this.dataSource,
      `insert into job_run (job, run_key, status, triggered_by) values ($1, $2, 'running', $3)
       on conflict (job, run_key) do nothing returning id`,
      [job, runKey, triggeredBy],
    );
    if (!claimed) return { job, runKey, ran: false, skipped: 'already-run' };
    const { id } = claimed;
    try {
      const result = await work();
      await this.dataSource.query(
        `update job_run set status = 'completed', finished_at = now(), result = $2 where id = $1`,
        [id, JSON.stringify(result ?? null)],
      );
      return { job, runKey, ran: true, result };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `update job_run set status = 'failed', finished_at = now(), result = $2 where id = $1`,
        [id, JSON.stringify({ error: message })],
      );
      return { job, runKey, ran: true, error: message };
    }
  }
}
