import {
  BadRequestException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type {
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunSummary,
  StartForecastRunRequest,
} from '@peakplan/contracts';
import { addDays, eventPresets, type EventDefinition, type IntervalObservation } from '@peakplan/forecasting';

import { OrganisationsService } from '../organisations/organisations.service';
import { accuracyOf, seasonalScale, type ScoredPoint } from './forecast-accuracy';
import { runForecastEngine } from './forecast-engine';

const INSERT_BATCH = 5000;
/** Interval history used for the intraday shapes: recent weeks and the event days of the last two years. */
const PROFILE_HISTORY_DAYS = 3 * 366;

interface RunRow {
  id: string;
  queue_id: string;
  queue_name: string;
  status: ForecastRunSummary['status'];
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

const RUN_COLUMNS = `r.id, r.queue_id, q.name as queue_name, r.status, to_char(r.training_from, 'YYYY-MM-DD') as training_from,
  to_char(r.training_to, 'YYYY-MM-DD') as training_to, to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from,
  r.horizon_days, r.interval_minutes, r.country, r.lead_days, r.model, r.model_reason, r.warnings, r.error,
  r.requested_by, r.created_at, r.finished_at`;

function toSummary(row: RunRow): ForecastRunSummary {
  return {
    id: row.id,
    queueId: row.queue_id,
    queueName: row.queue_name,
    status: row.status,
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
 * time (the engine is CPU-bound and embedded PostgreSQL takes one transaction at a time), stored
 * whole in one transaction when finished. A finished run is never changed; re-running makes a new one.
 */
@Injectable()
export class ForecastRunsService implements OnApplicationShutdown {
  private readonly logger = new Logger('forecast-runs');
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Promise<void>>();
  private shuttingDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.chain.catch(() => undefined);
  }

  /** Creates one run per queue (status running) and queues their execution; returns at once. */
  async start(request: StartForecastRunRequest, requestedBy: string | null): Promise<ForecastRunSummary[]> {
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
      `select id, name, interval_minutes from queue where organisation_id = $1 ${request.queueId ? 'and id = $2' : ''} order by name`,
      request.queueId ? [organisation.id, request.queueId] : [organisation.id],
    );
    if (request.queueId && queues.length === 0)
      throw new NotFoundException(`queue ${request.queueId} does not exist`);
    const yesterday = DateTime.now().setZone(organisation.timeZone).minus({ days: 1 }).toISODate()!;
    const trainingTo = request.trainingTo ?? yesterday;
    if (request.trainingFrom && request.trainingFrom > trainingTo)
      throw new BadRequestException({
        message: `trainingFrom (${request.trainingFrom}) must not be after trainingTo (${trainingTo})`,
        details: [{ field: 'trainingFrom', reason: 'must not be after trainingTo' }],
      });
    const runs: ForecastRunSummary[] = [];
    for (const queue of queues) {
      const [range] = await this.dataSource.query(
        `select to_char(min(interval_start at time zone $2), 'YYYY-MM-DD') as first
           from contact_history where queue_id = $1 and interval_start < ($3::date + 1)::timestamp at time zone $2`,
        [queue.id, organisation.timeZone, trainingTo],
      );
      const trainingFrom = request.trainingFrom ?? range.first;
      if (!trainingFrom)
        throw new BadRequestException({
          message: `queue "${queue.name}" has no history up to ${trainingTo}: import history first`,
          details: [{ field: 'queueId', reason: 'no history' }],
        });
      const [{ id }] = await this.dataSource.query(
        `insert into forecast_run (queue_id, status, training_from, training_to, forecast_from, horizon_days, interval_minutes, country, lead_days, requested_by)
         values ($1, 'running', $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          queue.id,
          trainingFrom,
          trainingTo,
          addDays(trainingTo, 1),
          request.horizonDays ?? 90,
          request.intervalMinutes ?? queue.interval_minutes,
          country,
          request.leadDays ?? 28,
          requestedBy,
        ],
      );
      runs.push(await this.summary(id));
    }
    // Queued only once every run row is written: the runs execute after this request's queries.
    for (const run of runs) {
      const done = (this.chain = this.chain.then(() => this.execute(run.id)));
      this.pending.set(run.id, done);
      void done.finally(() => this.pending.delete(run.id));
    }
    return runs;
  }

  /** Resolves when the given runs (queued or executing in this instance) have finished. */
  async waitFor(runIds: readonly string[]): Promise<void> {
    await Promise.all(runIds.map((id) => this.pending.get(id)));
  }

  async list(queueId?: string): Promise<ForecastRunSummary[]> {
    const rows: RunRow[] = await this.dataSource.query(
      `select ${RUN_COLUMNS} from forecast_run r join queue q on q.id = r.queue_id
        ${queueId ? 'where r.queue_id = $1' : ''} order by r.created_at desc limit 200`,
      queueId ? [queueId] : [],
    );
    return rows.map(toSummary);
  }

  async summary(id: string): Promise<ForecastRunSummary> {
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
    if (this.shuttingDown) return;
    const started = Date.now();
    try {
      const [run] = await this.dataSource.query(
        `select r.queue_id, to_char(r.training_from, 'YYYY-MM-DD') as training_from, to_char(r.training_to, 'YYYY-MM-DD') as training_to,
                to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from, r.horizon_days, r.interval_minutes, r.country, r.lead_days
           from forecast_run r where r.id = $1`,
        [id],
      );
      const organisation = await this.organisations.current();
      const timeZone = organisation.timeZone;
      const daily: { date: string; offered: string }[] = await this.dataSource.query(
        `select to_char((interval_start at time zone $2)::date, 'YYYY-MM-DD') as date, sum(offered) as offered
           from contact_history
          where queue_id = $1 and interval_start >= ($3::date)::timestamp at time zone $2
            and interval_start < ($4::date + 1)::timestamp at time zone $2
          group by 1 order by 1`,
        [run.queue_id, timeZone, run.training_from, run.training_to],
      );
      const profileFrom = [run.training_from, addDays(run.training_to, -PROFILE_HISTORY_DAYS)].sort()[1];
      const intervalRows: { start: Date; local_date: string; local_minute: number; offered: string }[] =
        await this.dataSource.query(
          `select interval_start as start, to_char(interval_start at time zone $2, 'YYYY-MM-DD') as local_date,
                  (extract(hour from interval_start at time zone $2) * 60 + extract(minute from interval_start at time zone $2))::int as local_minute,
                  sum(offered) as offered
             from contact_history
            where queue_id = $1 and interval_minutes < 1440
              and interval_start >= ($3::date)::timestamp at time zone $2
              and interval_start < ($4::date + 1)::timestamp at time zone $2
            group by interval_start order by interval_start`,
          [run.queue_id, timeZone, profileFrom, run.training_to],
        );
      const intervals: IntervalObservation[] = intervalRows.map((row) => {
        const start = new Date(row.start);
        return {
          start: start.toISOString(),
          startMs: start.getTime(),
          localDate: row.local_date,
          localMinute: row.local_minute,
          offered: Number(row.offered),
        };
      });
      const events: EventDefinition[] = (
        await this.dataSource.query(
          `select key, name, rule, window_before, window_after from event where organisation_id = $1 order by key`,
          [organisation.id],
        )
      ).map(
        (event: {
          key: string;
          name: string;
          rule: EventDefinition['rule'];
          window_before: number;
          window_after: number;
        }) => ({
          id: event.key,
          name: event.name,
          rule: event.rule,
          windowBefore: event.window_before,
          windowAfter: event.window_after,
        }),
      );
      const result = runForecastEngine({
        daily: daily.map((row) => ({ date: row.date, offered: Number(row.offered) })),
        intervals,
        events: events.length > 0 ? events : eventPresets(run.country),
        country: run.country,
        leadDays: run.lead_days,
        forecastFrom: run.forecast_from,
        horizonDays: run.horizon_days,
        intervalMinutes: run.interval_minutes,
        timeZone,
      });
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `insert into forecast_run_day (run_id, date, p10, p50, p90, closed, events)
           select $1, d::date, p10, p50, p90, c, coalesce(string_to_array(e, ','), '{}')
             from unnest($2::text[], $3::float8[], $4::float8[], $5::float8[], $6::bool[], $7::text[]) as x(d, p10, p50, p90, c, e)`,
          [
            id,
            result.days.map((day) => day.date),
            result.days.map((day) => day.p10),
            result.days.map((day) => day.p50),
            result.days.map((day) => day.p90),
            result.days.map((day) => day.closed),
            result.days.map((day) => (day.events.length > 0 ? day.events.join(',') : null)),
          ],
        );
        for (let offset = 0; offset < result.intervals.length; offset += INSERT_BATCH) {
          const slice = result.intervals.slice(offset, offset + INSERT_BATCH);
          await manager.query(
            `insert into forecast_run_interval (run_id, interval_start, p10, p50, p90)
             select $1, s, p10, p50, p90 from unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::float8[]) as x(s, p10, p50, p90)`,
            [
              id,
              slice.map((slot) => slot.start),
              slice.map((slot) => slot.p10),
              slice.map((slot) => slot.p50),
              slice.map((slot) => slot.p90),
            ],
          );
        }
        await manager.query(
          `update forecast_run set status = 'completed', model = $2, model_reason = $3, parameters = $4, backtest = $5,
                  warnings = $6, finished_at = now() where id = $1`,
          [
            id,
            result.model,
            result.modelReason,
            JSON.stringify(result.parameters),
            result.backtest ? JSON.stringify(result.backtest) : null,
            JSON.stringify(result.warnings),
          ],
        );
      });
      this.logger.log(`forecast run ${id} completed in ${Date.now() - started} ms (${result.model})`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof RangeError || error instanceof TypeError))
        this.logger.error(error instanceof Error ? (error.stack ?? message) : message);
      await this.dataSource
        .query(`update forecast_run set status = 'failed', error = $2, finished_at = now() where id = $1`, [
          id,
          message,
        ])
        .catch(() => undefined);
    }
  }
}
