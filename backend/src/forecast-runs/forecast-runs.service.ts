import {
  BadRequestException,
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
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
import { OrganisationsService } from '../organisations/organisations.service';
import { accuracyOf, seasonalScale, type ScoredPoint } from './forecast-accuracy';
import { ForecastEngineThread } from './forecast-engine-thread';
import { loadForecastJob } from './forecast-run-input';
import { HEARTBEAT_MS, INTERRUPTED, STAGE_PROGRESS, STALE_AFTER_SECONDS } from './forecast-run-progress';
import { storeForecastResult } from './forecast-run-store';

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
  created_at: Date;
  finished_at: Date | null;
}

const RUN_COLUMNS = `r.id, r.queue_id, q.name as queue_name, r.status, r.stage, r.progress, to_char(r.training_from, 'YYYY-MM-DD') as training_from,
  to_char(r.training_to, 'YYYY-MM-DD') as training_to, to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from,
  r.horizon_days, r.interval_minutes, r.country, r.lead_days, r.model, r.model_reason, r.warnings, r.error,
  r.requested_by, r.created_at, r.finished_at`;

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
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/**
 * Forecast runs: started by a request (or the nightly job), executed after the response, one at a
 * time (the engine is CPU-bound and embedded PostgreSQL takes one transaction at a time), the engine
 * on a worker thread so that requests keep being answered meanwhile, stored whole in one transaction
 * when finished. Each run's stage and progress are stored as it goes, for the dashboard to poll. A
 * finished run is never changed; re-running makes a new one. A run whose process died is marked failed.
 */
@Injectable()
export class ForecastRunsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('forecast-runs');
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Promise<void>>();
  private shuttingDown = false;
  private swept: Promise<void> | undefined;
  private lastSweepAt = 0;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly engine: ForecastEngineThread,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  /**
   * Before the database closes: the run computing is interrupted (its worker terminated), the queued
   * ones are not started, and all of them are marked failed: a stopped service leaves no run "running".
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.heartbeatTimer);
    const held = [...this.pending.keys()];
    await this.engine.stop();
    await this.chain.catch(() => undefined);
    if (held.length > 0)
      await this.dataSource
        .query(
          `update forecast_run set status = 'failed', stage = 'failed', error = $2, finished_at = now()
            where id = any($1::uuid[]) and status = 'running'`,
          [held, INTERRUPTED],
        )
        .catch(() => undefined);
  }

  /** Creates one run per queue (status running) and queues their execution; returns at once. */
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
    const queues: { id: string; name: string; interval_minutes: number }[] = await this.dataSource.query(
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
      const [range] = await this.dataSource.query(
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
        const [{ id }] = await manager.query(
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
        ids.push(id as string);
      }
      return ids;
    });
    const runs: ForecastRunSummary[] = [];
    for (const id of runIds) runs.push(await this.summary(id));
    // Queued only once every run row is written: the runs execute after this request's queries.
    for (const run of runs) {
      const done = (this.chain = this.chain.then(() => this.execute(run.id)));
      this.pending.set(run.id, done);
      void done.finally(() => this.pending.delete(run.id));
    }
    if (runs.length > 0) this.holdHeartbeat();
    return runs;
  }

  /** Resolves when the given runs (queued or executing in this instance) have finished. */
  async waitFor(runIds: readonly string[]): Promise<void> {
    await Promise.all(runIds.map((id) => this.pending.get(id)));
  }

  async list(queueId?: string): Promise<ForecastRunSummary[]> {
    await this.sweepIfDue();
    const rows: RunRow[] = await this.dataSource.query(
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id
        ${queueId ? 'where r.queue_id = $1' : ''} order by r.created_at desc limit 200`,
      queueId ? [queueId] : [],
    );
    return rows.map(toSummary);
  }

  async summary(id: string): Promise<ForecastRunSummary> {
    await this.sweepIfDue();
    const [row]: RunRow[] = await this.dataSource.query(
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id where r.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`forecast run ${id} does not exist`);
    return toSummary(row);
  }

  async detail(id: string): Promise<ForecastRunDetail> {
    const summary = await this.summary(id);
    const [extra] = await this.dataSource.query(
      `select parameters, backtest from forecast_run where id = $1`,
      [id],
    );
    const days = await this.dataSource.query(
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
    const rows: { start: Date; p10: number; p50: number; p90: number }[] = await this.dataSource.query(
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
    const rows: { date: string; run_id: string; p50: number }[] = await this.dataSource.query(
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
      const found: { date: string; offered: string }[] = await this.dataSource.query(
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
      await this.dataSource.query(
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
    ).map((row: ForecastAccuracyReport['days'][number]) => ({
      ...row,
      actual: row.actual === null ? null : Number(row.actual),
      handled: row.handled === null ? null : Number(row.handled),
      abandoned: row.abandoned === null ? null : Number(row.abandoned),
    }));
    const scored = days.filter((day) => day.actual !== null);
    const training: { offered: string }[] = await this.dataSource.query(
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
      await this.dataSource.query(
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
    ).map((row: ScoredPoint) => ({ ...row, actual: Number(row.actual) }));
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

  private async execute(id: string): Promise<void> {
    if (this.shuttingDown) return; // marked failed as interrupted by the shutdown
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
    try {
      report('loading history');
      const organisation = await this.organisations.current();
      const job = await loadForecastJob(this.dataSource, id, organisation);
      const result = await this.engine.run(job, report);
      report('storing');
      await stageWrites;
      const stored = await this.dataSource.transaction((manager) => storeForecastResult(manager, id, result));
      if (stored)
        this.logger.log(
          `forecast run ${id} completed in ${Date.now() - started} ms (${stageTimes()}; ${result.model})`,
        );
      else this.logger.warn(`forecast run ${id} was no longer running when it finished; result dropped`);
    } catch (error) {
      // Stopped mid-run by the shutdown (the worker terminated): one message for every interrupted run.
      const message = this.shuttingDown
        ? INTERRUPTED
        : error instanceof Error
          ? error.message
          : String(error);
      if (this.shuttingDown) this.logger.warn(`forecast run ${id}: ${message}`);
      else if (!(error instanceof RangeError || error instanceof TypeError))
        this.logger.error(error instanceof Error ? (error.stack ?? message) : message);
      await stageWrites;
      await this.dataSource
        .query(
          `update forecast_run set status = 'failed', stage = 'failed', error = $2, finished_at = now()
            where id = $1 and status = 'running'`,
          [id, message],
        )
        .catch(() => undefined);
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

  /** Touches the runs this instance holds, so that no other instance takes them for abandoned. */
  private async heartbeat(): Promise<void> {
    const held = [...this.pending.keys()];
    if (held.length > 0)
      await this.dataSource.query(
        `update forecast_run set heartbeat_at = now() where id = any($1::uuid[]) and status = 'running'`,
        [held],
      );
    await this.failAbandoned(STALE_AFTER_SECONDS);
  }

  /**
   * Marks failed the runs whose instance died (process killed mid-run): no heartbeat for `staleSeconds`.
   * Embedded PostgreSQL is one process's alone (folder lock), so there at first use every run still
   * "running" is one a previous process left.
   */
  private failAbandoned(staleSeconds: number): Promise<void> {
    return this.dataSource
      .query(
        `update forecast_run set status = 'failed', stage = 'failed', error = $1, finished_at = now()
          where status = 'running' and heartbeat_at < now() - make_interval(secs => $2)
            and not (id = any($3::uuid[]))`,
        [INTERRUPTED, staleSeconds, [...this.pending.keys()]],
      )
      .then(([, count]: [unknown, number]) => {
        if (count > 0)
          this.logger.warn(`${count} forecast run(s) left unfinished by a stopped service marked failed`);
      })
      .catch((error: Error) => this.logger.warn(`abandoned forecast runs not checked: ${error.message}`));
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
