import {
  BadRequestException,
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleInit,
} from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type {
  DatabaseKind,
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunStage,
  ForecastRunSummary,
  StartForecastRunRequest,
} from '@peakplan/contracts';
import { addDays, eventPresets } from '@peakplan/forecasting';

import { DATABASE_KIND } from '../database/database-kind';
import { INSTANCE_NAME } from '../jobs/queue/instance-name';
import { JobQueue, type QueuedJob } from '../jobs/queue/job-queue';
import { OrganisationsService } from '../organisations/organisations.service';
import { accuracyOf, seasonalScale, type ScoredPoint } from './forecast-accuracy';
import { ForecastEngineThread } from './forecast-engine-thread';
import { loadForecastJob } from './forecast-run-input';
import { HEARTBEAT_MS, INTERRUPTED, STAGE_PROGRESS, STALE_AFTER_SECONDS } from './forecast-run-progress';
import { storeForecastResult } from './forecast-run-store';
import { queryAffected, queryRows } from '../database/query-rows';

interface RunRow {
  id: string;
  queue_id: string;
  queue_name: string;
  status: ForecastRunSummary['status'];
  stage: ForecastRunStage;
  progress: number;
  training_from: string;
  training_to: string;
  forecast_from: string;
  horizon_days: number;
  interval_minutes: number;
  country: string;
  lead_days: number;
  model: string | null;
  model_reason: string | null;
  warnings: string[];
  error: string | null;
  requested_by: string | null;
  computed_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** What a forecast-run job carries: the run row, written before the job is queued. */
interface ForecastRunJob {
  runId: string;
}

/** How often waitFor reads the runs' status (they may compute on another instance). */
const WAIT_POLL_MS = 250;

const RUN_COLUMNS = `r.id, r.queue_id, q.name as queue_name, r.status, r.stage, r.progress, to_char(r.training_from, 'YYYY-MM-DD') as training_from,
  to_char(r.training_to, 'YYYY-MM-DD') as training_to, to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from,
  r.horizon_days, r.interval_minutes, r.country, r.lead_days, r.model, r.model_reason, r.warnings, r.error,
  r.requested_by, r.computed_by, r.created_at, r.finished_at`;

function toSummary(row: RunRow): ForecastRunSummary {
  return {
    id: row.id,
    queueId: row.queue_id,
    queueName: row.queue_name,
    status: row.status,
    stage: row.stage,
    progress: row.progress,
    trainingFrom: row.training_from,
    trainingTo: row.training_to,
    forecastFrom: row.forecast_from,
    horizonDays: row.horizon_days,
    intervalMinutes: row.interval_minutes,
    country: row.country,
    model: row.model,
    modelReason: row.model_reason,
    warnings: row.warnings,
    error: row.error,
    requestedBy: row.requested_by,
    computedBy: row.computed_by,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/**
 * Forecast runs: started by a request (or the nightly job), each run row written first and then one
 * `forecast-run` job queued per run (job id = run id); whichever instance takes the job computes it,
 * one at a time per instance (the engine is CPU-bound; embedded PostgreSQL takes one transaction at a
 * time), the engine on a worker thread so that requests keep being answered meanwhile, and stores it
 * whole in one transaction. Each run's stage and progress are stored as it goes, so that any instance
 * answers the dashboard's poll. A finished run is never changed; re-running makes a new one. A run
 * whose instance died is retried by another (the queue's timeout); one nobody will finish is marked failed.
 */
@Injectable()
export class ForecastRunsService implements OnModuleInit, BeforeApplicationShutdown {
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

  /** Creates one run per queue (status running) and queues a job for each; returns at once. */
  async start(request: StartForecastRunRequest, requestedBy: string | null): Promise<ForecastRunSummary[]> {
    await this.sweepIfDue();
    // Before new work, the work a stopped instance left: so a planner re-running sees the old run failed.
    await this.failAbandoned(STALE_AFTER_SECONDS);
    const organisation = await this.organisations.current();
    const country = (request.country ?? organisation.country).toUpperCase();
    try {
      eventPresets(country);
    } catch (error) {
      throw new BadRequestException({
        message: `country: ${(error as Error).message}`,
        details: [{ field: 'country', reason: (error as Error).message }],
      });
    }
    const queues = await queryRows<{ id: string; name: string; interval_minutes: number }>(
      this.dataSource,
      `select id, name, interval_minutes from queue where organisation_id = $1 ${request.queueId ? 'and id = $2' : 'and retired_at is null'} order by name`,
      request.queueId ? [organisation.id, request.queueId] : [organisation.id],
    );
    if (request.queueId && queues.length === 0)
      throw new NotFoundException(`queue ${request.queueId} does not exist`);
    const yesterday = DateTime.now().setZone(organisation.timeZone).minus({ days: 1 }).toISODate()!;
    const trainingTo = request.trainingTo ?? yesterday;
    // Training reads history: a day that has not ended yet (year 9999, say) has none and failed inside.
    if (trainingTo > yesterday)
      throw new BadRequestException({
        message: `trainingTo (${trainingTo}) must not be after yesterday (${yesterday})`,
        details: [{ field: 'trainingTo', reason: `must not be after yesterday (${yesterday})` }],
      });
    if (request.trainingFrom && request.trainingFrom > trainingTo)
      throw new BadRequestException({
        message: `trainingFrom (${request.trainingFrom}) must not be after trainingTo (${trainingTo})`,
        details: [{ field: 'trainingFrom', reason: 'must not be after trainingTo' }],
      });
    // Every queue is checked before any run is written, and the runs are written in one transaction:
    // a refusal for the third queue used to leave the first two "queued", to fail later as interrupted.
    const planned: { queueId: string; intervalMinutes: number; trainingFrom: string }[] = [];
    for (const queue of queues) {
      const [range] = await queryRows<{ first: string | null }>(
        this.dataSource,
        `select to_char(min(interval_start at time zone $2), 'YYYY-MM-DD') as first
           from contact_history where queue_id = $1 and interval_start < ($3::date + 1)::timestamp at time zone $2`,
        [queue.id, organisation.timeZone, trainingTo],
      );
      const trainingFrom: string | null = request.trainingFrom ?? range.first;
      if (!trainingFrom)
        throw new BadRequestException({
          message: `queue "${queue.name}" has no history up to ${trainingTo}: import history first`,
          details: [{ field: 'queueId', reason: 'no history' }],
        });
      planned.push({ queueId: queue.id, intervalMinutes: queue.interval_minutes, trainingFrom });
    }
    const runIds = await this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const run of planned) {
        const [{ id }] = await queryRows<{ id: string }>(
          manager,
          `insert into forecast_run (queue_id, status, training_from, training_to, forecast_from, horizon_days, interval_minutes, country, lead_days, requested_by)
           values ($1, 'running', $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [
            run.queueId,
            run.trainingFrom,
            trainingTo,
            addDays(trainingTo, 1),
            request.horizonDays ?? 90,
            request.intervalMinutes ?? run.intervalMinutes,
            country,
            request.leadDays ?? 28,
            requestedBy,
          ],
        );
        ids.push(id);
      }
      return ids;
    });
    const runs: ForecastRunSummary[] = [];
    for (const id of runIds) runs.push(await this.summary(id));
    // Queued once every run row is written. A process that dies before queueing leaves runs without a
    // job: failAbandoned finds those (no unfinished job, no heartbeat).
    for (const run of runs)
      await this.queue.send<ForecastRunJob>('forecast-run', { runId: run.id }, { id: run.id });
    return runs;
  }

  /** Resolves when the given runs have finished (completed or failed), on whichever instance. */
  async waitFor(runIds: readonly string[]): Promise<void> {
    let waiting = [...runIds];
    while (waiting.length > 0) {
      const rows = await queryRows<{ id: string }>(
        this.dataSource,
        `select id from forecast_run where id = any($1::uuid[]) and status = 'running'`,
        [waiting],
      );
      waiting = rows.map((row) => row.id);
      if (waiting.length > 0) {
        await this.sweepIfDue();
        await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      }
    }
  }

  async list(queueId?: string): Promise<ForecastRunSummary[]> {
    await this.sweepIfDue();
    const rows = await queryRows<RunRow>(
      this.dataSource,
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id
        ${queueId ? 'where r.queue_id = $1' : ''} order by r.created_at desc limit 200`,
      queueId ? [queueId] : [],
    );
    return rows.map(toSummary);
  }

  async summary(id: string): Promise<ForecastRunSummary> {
    await this.sweepIfDue();
    const [row] = await queryRows<RunRow>(
      this.dataSource,
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id where r.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`forecast run ${id} does not exist`);
    return toSummary(row);
  }

  async detail(id: string): Promise<ForecastRunDetail> {
    const summary = await this.summary(id);
    const [extra] = await queryRows<Pick<ForecastRunDetail, 'parameters' | 'backtest'>>(
      this.dataSource,
      `select parameters, backtest from forecast_run where id = $1`,
      [id],
    );
    const days = await queryRows<ForecastRunDetail['days'][number]>(
      this.dataSource,
      `select to_char(date, 'YYYY-MM-DD') as date, p10, p50, p90, closed, events
         from forecast_run_day where run_id = $1 order by date`,
      [id],
    );
    return { ...summary, parameters: extra.parameters, backtest: extra.backtest, days };
  }

  /** Interval forecasts between two local dates (inclusive; default the whole horizon). */
  async intervals(id: string, from?: string, to?: string): Promise<ForecastIntervalDto[]> {
    const summary = await this.summary(id);
    const { timeZone } = await this.organisations.current();
    const rows = await queryRows<{ start: Date; p10: number; p50: number; p90: number }>(
      this.dataSource,
      `select interval_start as start, p10, p50, p90 from forecast_run_interval
        where run_id = $1 and interval_start >= ($2::date)::timestamp at time zone $4
          and interval_start < ($3::date + 1)::timestamp at time zone $4
        order by interval_start`,
      [
        id,
        from ?? summary.forecastFrom,
        to ?? addDays(summary.forecastFrom, summary.horizonDays - 1),
        timeZone,
      ],
    );
    return rows.map((row) => ({
      start: DateTime.fromJSDate(new Date(row.start))
        .setZone(timeZone)
        .toISO({ suppressMilliseconds: true })!,
      p10: row.p10,
      p50: row.p50,
      p90: row.p90,
    }));
  }

  /** Daily P50 of several runs side by side, with the actuals where they exist. */
  async compare(ids: readonly string[]): Promise<ForecastRunComparison> {
    const runs = await Promise.all(ids.map((id) => this.summary(id)));
    const { timeZone } = await this.organisations.current();
    const rows = await queryRows<{ date: string; run_id: string; p50: number }>(
      this.dataSource,
      `select to_char(date, 'YYYY-MM-DD') as date, run_id, p50 from forecast_run_day where run_id = any($1::uuid[]) order by date`,
      [ids],
    );
    const byDate = new Map<string, (number | null)[]>();
    for (const row of rows) {
      const values = byDate.get(row.date) ?? ids.map(() => null);
      values[ids.indexOf(row.run_id)] = row.p50;
      byDate.set(row.date, values);
    }
    const dates = [...byDate.keys()].sort();
    const actuals = new Map<string, number>();
    const queueIds = [...new Set(runs.map((run) => run.queueId))];
    if (dates.length > 0 && queueIds.length === 1) {
      const found = await queryRows<{ date: string; offered: string }>(
        this.dataSource,
        `select to_char((interval_start at time zone $2)::date, 'YYYY-MM-DD') as date, sum(offered) as offered
           from contact_history where queue_id = $1
            and interval_start >= ($3::date)::timestamp at time zone $2 and interval_start < ($4::date + 1)::timestamp at time zone $2
          group by 1`,
        [queueIds[0], timeZone, dates[0], dates.at(-1)],
      );
      for (const row of found) actuals.set(row.date, Number(row.offered));
    }
    return {
      runs,
      days: dates.map((date) => ({ date, p50: byDate.get(date)!, actual: actuals.get(date) ?? null })),
    };
  }

  /** The run against the actuals that have arrived since: per day, per event window, per interval. */
  async accuracy(id: string, from?: string, to?: string): Promise<ForecastAccuracyReport> {
    const run = await this.summary(id);
    if (run.status !== 'completed') throw new BadRequestException(`forecast run ${id} is ${run.status}`);
    const { timeZone } = await this.organisations.current();
    const first = from ?? run.forecastFrom;
    const last = to ?? addDays(run.forecastFrom, run.horizonDays - 1);
    const days: ForecastAccuracyReport['days'] = (
      await queryRows<ForecastAccuracyReport['days'][number]>(
        this.dataSource,
        `select to_char(d.date, 'YYYY-MM-DD') as date, d.p10, d.p50, d.p90, d.events,
                a.offered as actual, a.handled, a.abandoned
           from forecast_run_day d
           left join (select (interval_start at time zone $3)::date as date, sum(offered)::int as offered,
                             sum(handled)::int as handled, sum(abandoned)::int as abandoned
                        from contact_history
                       where queue_id = $2 and interval_start >= ($4::date)::timestamp at time zone $3
                         and interval_start < ($5::date + 1)::timestamp at time zone $3
                       group by 1) a on a.date = d.date
          where d.run_id = $1 and d.date between $4::date and $5::date
          order by d.date`,
        [id, run.queueId, timeZone, first, last],
      )
    ).map((row) => ({
      ...row,
      actual: row.actual === null ? null : Number(row.actual),
      handled: row.handled === null ? null : Number(row.handled),
      abandoned: row.abandoned === null ? null : Number(row.abandoned),
    }));
    const scored = days.filter((day) => day.actual !== null);
    const training = await queryRows<{ offered: string }>(
      this.dataSource,
      `select sum(offered) as offered from contact_history
        where queue_id = $1 and interval_start >= ($3::date)::timestamp at time zone $2
          and interval_start < ($4::date + 1)::timestamp at time zone $2
        group by (interval_start at time zone $2)::date order by (interval_start at time zone $2)::date`,
      [run.queueId, timeZone, run.trainingFrom, run.trainingTo],
    );
    const scale = seasonalScale(training.map((row) => Number(row.offered)));
    const point = (day: (typeof scored)[number]): ScoredPoint => ({ ...day, actual: day.actual as number });
    const eventKeys = [...new Set(scored.flatMap((day) => day.events))].sort();
    const intervalRows: ScoredPoint[] = (
      await queryRows<ScoredPoint>(
        this.dataSource,
        `select f.p10, f.p50, f.p90, coalesce(a.offered, 0)::int as actual
           from forecast_run_interval f
           join (select distinct (interval_start at time zone $3)::date as date from contact_history
                  where queue_id = $2 and interval_start >= ($4::date)::timestamp at time zone $3
                    and interval_start < ($5::date + 1)::timestamp at time zone $3) seen
             on seen.date = (f.interval_start at time zone $3)::date
           left join (select interval_start, sum(offered) as offered from contact_history
                       where queue_id = $2 and interval_start >= ($4::date)::timestamp at time zone $3
                         and interval_start < ($5::date + 1)::timestamp at time zone $3
                       group by interval_start) a on a.interval_start = f.interval_start
          where f.run_id = $1`,
        [id, run.queueId, timeZone, first, last],
      )
    ).map((row) => ({ ...row, actual: Number(row.actual) }));
    return {
      runId: id,
      queueId: run.queueId,
      queueName: run.queueName,
      from: first,
      to: last,
      daysWithActuals: scored.length,
      daysForecastOnly: days.length - scored.length,
      overall: accuracyOf(scored.map(point), scale),
      events: eventKeys.map((event) => {
        const inWindow = scored.filter((day) => day.events.includes(event));
        return {
          event,
          from: inWindow[0].date,
          to: inWindow.at(-1)!.date,
          ...accuracyOf(inWindow.map(point), scale),
        };
      }),
      intervals: accuracyOf(intervalRows, null),
      days,
    };
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
  private async failAbandoned(staleSeconds: number): Promise<void> {
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
  private sweepIfDue(): Promise<void> {
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
