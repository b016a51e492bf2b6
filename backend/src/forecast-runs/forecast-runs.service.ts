import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type {
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunStage,
  ForecastRunSummary,
  StartForecastRunRequest,
} from '@peakplan/contracts';
import { addDays, eventPresets, MINIMUM_OPEN_DAYS, ZoneClock } from '@peakplan/forecasting';

import {
  epochMsSql,
  instantRangeSql,
  instantSql,
  localDateTextSql,
  localDayRange,
} from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';
import { OrganisationsService } from '../organisations/organisations.service';
import { ForecastAccuracyService } from './forecast-accuracy.service';
import { ForecastRunQueue } from './forecast-run-queue.service';

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
 * `forecast-run` job queued per run, computed by whichever instance takes it (forecast-run-queue.service.ts);
 * read back here, any instance answering the dashboard's poll. A finished run is never changed;
 * re-running makes a new one. Accuracy against later actuals: forecast-accuracy.service.ts.
 */
@Injectable()
export class ForecastRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly runQueue: ForecastRunQueue,
    private readonly accuracyReports: ForecastAccuracyService,
  ) {}

  /** Creates one run per queue (status running) and queues a job for each; returns at once. */
  async start(request: StartForecastRunRequest, requestedBy: string | null): Promise<ForecastRunSummary[]> {
    await this.runQueue.sweepIfDue();
    // Before new work, the work a stopped instance left: so a planner re-running sees the old run failed.
    await this.runQueue.failAbandoned();
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
    const clock = new ZoneClock(organisation.timeZone);
    for (const queue of queues) {
      const [range] = await queryRows<{ first_ms: number | null }>(
        this.dataSource,
        `select ${epochMsSql('min(interval_start)')} as first_ms
           from contact_history where queue_id = $1 and interval_start < ${instantSql('$2')}`,
        [queue.id, clock.dayStart(addDays(trainingTo, 1))],
      );
      const trainingFrom: string | null =
        request.trainingFrom ?? (range.first_ms === null ? null : clock.local(range.first_ms).date);
      if (!trainingFrom)
        throw new BadRequestException({
          message: `queue "${queue.name}" has no history up to ${trainingTo}: import history first`,
          details: [{ field: 'queueId', reason: 'no history' }],
        });
      // The engine needs 14 days with contacts; fewer used to be accepted here and fail in the background.
      const [{ days }] = await queryRows<{ days: number }>(
        this.dataSource,
        `select count(distinct ${localDateTextSql('interval_start', '$2')})::int as days
           from contact_history
          where queue_id = $1 and offered > 0 and ${instantRangeSql('interval_start', '$3', '$4')}`,
        [queue.id, organisation.timeZone, ...localDayRange(clock, trainingFrom, trainingTo)],
      );
      if (days < MINIMUM_OPEN_DAYS)
        throw new BadRequestException({
          message: `queue "${queue.name}" has ${days} day(s) with contacts from ${trainingFrom} to ${trainingTo}; a forecast needs at least ${MINIMUM_OPEN_DAYS}`,
          details: [
            {
              field: request.trainingFrom ? 'trainingFrom' : 'queueId',
              reason: `fewer than ${MINIMUM_OPEN_DAYS} days with contacts to train on`,
            },
          ],
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
    for (const run of runs) await this.runQueue.enqueue(run.id);
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
        await this.runQueue.sweepIfDue();
        await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      }
    }
  }

  async list(queueId?: string): Promise<ForecastRunSummary[]> {
    await this.runQueue.sweepIfDue();
    const rows = await queryRows<RunRow>(
      this.dataSource,
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id
        ${queueId ? 'where r.queue_id = $1' : ''} order by r.created_at desc limit 200`,
      queueId ? [queueId] : [],
    );
    return rows.map(toSummary);
  }

  async summary(id: string): Promise<ForecastRunSummary> {
    await this.runQueue.sweepIfDue();
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
    const clock = new ZoneClock((await this.organisations.current()).timeZone);
    const rows = await queryRows<{ start_ms: number; p10: number; p50: number; p90: number }>(
      this.dataSource,
      `select ${epochMsSql('interval_start')} as start_ms, p10, p50, p90 from forecast_run_interval
        where run_id = $1 and ${instantRangeSql('interval_start', '$2', '$3')}
        order by interval_start`,
      [
        id,
        ...localDayRange(
          clock,
          from ?? summary.forecastFrom,
          to ?? addDays(summary.forecastFrom, summary.horizonDays - 1),
        ),
      ],
    );
    return rows.map((row) => ({
      start: clock.iso(row.start_ms),
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
        // Summed per local day inside the database: the day stays an SQL expression.
        `select ${localDateTextSql('interval_start', '$2')} as date, sum(offered) as offered
           from contact_history where queue_id = $1 and ${instantRangeSql('interval_start', '$3', '$4')}
          group by 1`,
        [queueIds[0], timeZone, ...localDayRange(timeZone, dates[0], dates.at(-1)!)],
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
    return this.accuracyReports.report(await this.summary(id), from, to);
  }
}
