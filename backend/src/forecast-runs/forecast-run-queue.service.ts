/* The forecast-run queue: computing the queued runs, their heartbeats, and the sweep that fails the
 * runs nobody will finish. ForecastRunsService writes the run rows and reads them back. */
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DatabaseKind, ForecastRunStage } from '@peakplan/contracts';

import { DATABASE_KIND } from '../database/database-kind';
import { queryAffected, queryRows } from '../database/query-rows';
import { INSTANCE_NAME } from '../jobs/queue/instance-name';
import { JobQueue, type QueuedJob } from '../jobs/queue/job-queue';
import { OrganisationsService } from '../organisations/organisations.service';
import { ForecastEngineThread } from './forecast-engine-thread';
import { loadForecastJob } from './forecast-run-input';
import { HEARTBEAT_MS, INTERRUPTED, STAGE_PROGRESS, STALE_AFTER_SECONDS } from './forecast-run-progress';
import { storeForecastResult } from './forecast-run-store';

/** What a forecast-run job carries: the run row, written before the job is queued. */
interface ForecastRunJob {
  runId: string;
}

/**
 * One `forecast-run` job per run (job id = run id); whichever instance takes the job computes it,
 * one at a time per instance (the engine is CPU-bound; embedded PostgreSQL takes one transaction at a
 * time), the engine on a worker thread so that requests keep being answered meanwhile, and stores it
 * whole in one transaction. Each run's stage and progress are stored as it goes, so that any instance
 * answers the dashboard's poll. A run whose instance died is retried by another (the queue's
 * timeout); one nobody will finish is marked failed.
 */
@Injectable()
export class ForecastRunQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('forecast-runs');
  /** The runs this instance is computing (a Set of one, as the queue gives one job at a time). */
  private readonly pending = new Set<string>();
  private shuttingDown = false;
  private swept: Promise<void> | undefined;
  private lastSweepAt = 0;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly engine: ForecastEngineThread,
    private readonly queue: JobQueue,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  onModuleInit(): void {
    this.queue.work<ForecastRunJob>('forecast-run', (job) => this.execute(job));
  }

  /**
   * Before the database closes: the run computing here is interrupted (its worker terminated) and
   * marked failed, so that a stopped instance leaves no run "running" of its own. Runs still waiting
   * in the queue stay there: for another instance on a server; on embedded PostgreSQL they are marked
   * failed at the next start (the in-process queue ends with the process).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.heartbeatTimer);
    const held = [...this.pending];
    await this.engine.stop();
    if (held.length > 0)
      await this.dataSource
        .query(
          `update forecast_run set status = 'failed', stage = 'failed', error = $2, finished_at = now()
            where id = any($1::uuid[]) and status = 'running'`,
          [held, INTERRUPTED],
        )
        .catch(() => undefined);
  }

  /** Queues a run's job; its row (status running) is written already. */
  async enqueue(runId: string): Promise<void> {
    await this.queue.send<ForecastRunJob>('forecast-run', { runId }, { id: runId });
  }

  /**
   * One attempt at a run's job. Claims the run (still running: not finished by an earlier attempt, nor
   * failed meanwhile), computes and stores it. An engine error (bad input) fails the run at once; any
   * other error (the database gone, say) is thrown for the queue to retry, until the last attempt.
   */
  private async execute({ data: { runId: id }, attempt, lastAttempt }: QueuedJob<ForecastRunJob>): Promise<{
    computed: boolean;
  }> {
    // A job taken while this instance stops goes back to the queue, for another instance.
    if (this.shuttingDown) throw new Error(INTERRUPTED);
    const claimed = await queryAffected(
      this.dataSource,
      `update forecast_run set stage = 'queued', progress = 0, heartbeat_at = now(), computed_by = $2
        where id = $1 and status = 'running'`,
      [id, INSTANCE_NAME],
    );
    if (claimed !== 1) return { computed: false };
    if (attempt > 1)
      this.logger.warn(`forecast run ${id}: attempt ${attempt} (taken over by ${INSTANCE_NAME})`);
    this.pending.add(id);
    this.holdHeartbeat();
    try {
      return { computed: await this.compute(id, lastAttempt) };
    } finally {
      this.pending.delete(id);
    }
  }

  private async compute(id: string, lastAttempt: boolean): Promise<boolean> {
    const started = Date.now();
    // Stage writes go one after another (a late one must not overwrite a later stage).
    let stageWrites: Promise<void> = Promise.resolve();
    const began: [ForecastRunStage, number][] = [];
    const report = (stage: Exclude<ForecastRunStage, 'queued' | 'completed' | 'failed'>) => {
      began.push([stage, Date.now()]);
      stageWrites = stageWrites.then(() => this.setStage(id, stage));
    };
    // Each stage's time, for the log (and for the progress weights in forecast-run-progress.ts).
    const stageTimes = () =>
      began
        .map(([stage, at], index) => `${stage} ${(began[index + 1]?.[1] ?? Date.now()) - at} ms`)
        .join(', ');
    // The engine's errors are the input's (the same input fails again); the database's may pass.
    let inEngine = false;
    try {
      report('loading history');
      const organisation = await this.organisations.current();
      const job = await loadForecastJob(this.dataSource, id, organisation);
      inEngine = true;
      const result = await this.engine.run(job, report);
      inEngine = false;
      report('storing');
      await stageWrites;
      const stored = await this.dataSource.transaction((manager) =>
        storeForecastResult(manager, id, result, INSTANCE_NAME),
      );
      if (stored)
        this.logger.log(
          `forecast run ${id} completed in ${Date.now() - started} ms (${stageTimes()}; ${result.model})`,
        );
      else this.logger.warn(`forecast run ${id} was no longer running when it finished; result dropped`);
      return stored;
    } catch (error) {
      await stageWrites;
      if (!this.shuttingDown && !lastAttempt && !inEngine) {
        this.logger.warn(`forecast run ${id}: ${(error as Error).message}; the queue retries it`);
        throw error;
      }
      // Stopped mid-run by the shutdown (the worker terminated): one message for every interrupted run.
      const message = this.shuttingDown
        ? INTERRUPTED
        : error instanceof Error
          ? error.message
          : String(error);
      if (this.shuttingDown) this.logger.warn(`forecast run ${id}: ${message}`);
      else if (!(error instanceof RangeError || error instanceof TypeError))
        this.logger.error(error instanceof Error ? (error.stack ?? message) : message);
      await this.dataSource
        .query(
          `update forecast_run set status = 'failed', stage = 'failed', error = $2, finished_at = now()
            where id = $1 and status = 'running'`,
          [id, message],
        )
        .catch(() => undefined);
      return false;
    }
  }

  private async setStage(id: string, stage: Exclude<ForecastRunStage, 'failed'>): Promise<void> {
    await this.dataSource
      .query(
        `update forecast_run set stage = $2, progress = $3, heartbeat_at = now() where id = $1 and status = 'running'`,
        [id, stage, STAGE_PROGRESS[stage]],
      )
      .catch((error: Error) => this.logger.warn(`forecast run ${id}: stage not stored: ${error.message}`));
  }

  /** Touches the runs this instance computes, so that no other instance takes them for abandoned. */
  private async heartbeat(): Promise<void> {
    const held = [...this.pending];
    if (held.length > 0)
      await this.dataSource.query(
        `update forecast_run set heartbeat_at = now() where id = any($1::uuid[]) and status = 'running'`,
        [held],
      );
    await this.failAbandoned(STALE_AFTER_SECONDS);
  }

  /**
   * Marks failed the runs nobody will finish: no heartbeat for `staleSeconds` and no unfinished job
   * (its attempts are used up, or its process died before queueing it). A run whose instance died while
   * its job still has attempts left is not one: the queue gives it to another instance after the
   * timeout. Embedded PostgreSQL is one process's alone (folder lock), so there at first use every run
   * still "running" without a job in this process is one a previous process left.
   */
  async failAbandoned(staleSeconds: number = STALE_AFTER_SECONDS): Promise<void> {
    try {
      const stale = await queryRows<{ id: string }>(
        this.dataSource,
        `select id from forecast_run
          where status = 'running' and heartbeat_at < now() - make_interval(secs => $1) and not (id = any($2::uuid[]))`,
        [staleSeconds, [...this.pending]],
      );
      if (stale.length === 0) return;
      const queued = await this.queue.unfinished(
        'forecast-run',
        stale.map((run) => run.id),
      );
      const abandoned = stale.map((run) => run.id).filter((id) => !queued.has(id));
      if (abandoned.length === 0) return;
      const count = await queryAffected(
        this.dataSource,
        `update forecast_run set status = 'failed', stage = 'failed', error = $1, finished_at = now()
          where id = any($2::uuid[]) and status = 'running' and heartbeat_at < now() - make_interval(secs => $3)`,
        [INTERRUPTED, abandoned, staleSeconds],
      );
      if (count > 0)
        this.logger.warn(`${count} forecast run(s) left unfinished by a stopped service marked failed`);
    } catch (error) {
      this.logger.warn(`abandoned forecast runs not checked: ${(error as Error).message}`);
    }
  }

  /**
   * Before this instance's first use of the runs (migrations have run by then), then at most once a
   * heartbeat period as runs are read: a dashboard polling a dead instance's run sees it failed within
   * STALE_AFTER_SECONDS, even when nobody starts a new run.
   */
  sweepIfDue(): Promise<void> {
    if (!this.swept) {
      this.lastSweepAt = Date.now();
      this.swept = this.failAbandoned(this.databaseKind === 'embedded' ? 0 : STALE_AFTER_SECONDS);
    } else if (Date.now() - this.lastSweepAt >= HEARTBEAT_MS) {
      this.lastSweepAt = Date.now();
      this.swept = this.failAbandoned(STALE_AFTER_SECONDS);
    }
    return this.swept;
  }

  private holdHeartbeat(): void {
    if (this.heartbeatTimer || this.shuttingDown) return;
    this.heartbeatTimer = setInterval(() => {
      if (this.pending.size === 0) {
        clearInterval(this.heartbeatTimer);
        this.heartbeatTimer = undefined;
        return;
      }
      void this.heartbeat().catch((error: Error) => this.logger.warn(`heartbeat failed: ${error.message}`));
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }
}
