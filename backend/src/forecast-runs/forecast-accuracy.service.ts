/* A run against the actuals that arrived since it was made: the accuracy SQL, apart from the runs' lifecycle. */
import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ForecastAccuracyReport, ForecastRunSummary } from '@peakplan/contracts';
import { addDays, ZoneClock } from '@peakplan/forecasting';

import { instantRangeSql, localDateSql, localDayRange } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';
import { OrganisationsService } from '../organisations/organisations.service';
import { accuracyOf, seasonalScale, type ScoredPoint } from './forecast-accuracy';

@Injectable()
export class ForecastAccuracyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The run against the actuals that have arrived since: per day, per event window, per interval. */
  async report(run: ForecastRunSummary, from?: string, to?: string): Promise<ForecastAccuracyReport> {
    const id = run.id;
    if (run.status !== 'completed') throw new BadRequestException(`forecast run ${id} is ${run.status}`);
    const { timeZone } = await this.organisations.current();
    const first = from ?? run.forecastFrom;
    const last = to ?? addDays(run.forecastFrom, run.horizonDays - 1);
    const clock = new ZoneClock(timeZone);
    const scoredRange = localDayRange(clock, first, last);
    // Actuals are summed per local day (and interval forecasts joined to the days that have actuals)
    // inside the database, over thousands of quarter-hour rows: the local day stays in SQL there.
    const days: ForecastAccuracyReport['days'] = (
      await queryRows<ForecastAccuracyReport['days'][number]>(
        this.dataSource,
        `select to_char(d.date, 'YYYY-MM-DD') as date, d.p10, d.p50, d.p90, d.events,
                a.offered as actual, a.handled, a.abandoned
           from forecast_run_day d
           left join (select ${localDateSql('interval_start', '$3')} as date, sum(offered)::int as offered,
                             sum(handled)::int as handled, sum(abandoned)::int as abandoned
                        from contact_history
                       where queue_id = $2 and ${instantRangeSql('interval_start', '$6', '$7')}
                       group by 1) a on a.date = d.date
          where d.run_id = $1 and d.date between $4::date and $5::date
          order by d.date`,
        [id, run.queueId, timeZone, first, last, ...scoredRange],
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
        where queue_id = $1 and ${instantRangeSql('interval_start', '$3', '$4')}
        group by ${localDateSql('interval_start', '$2')} order by ${localDateSql('interval_start', '$2')}`,
      [run.queueId, timeZone, ...localDayRange(clock, run.trainingFrom, run.trainingTo)],
    );
    const scale = seasonalScale(training.map((row) => Number(row.offered)));
    const point = (day: (typeof scored)[number]): ScoredPoint => ({ ...day, actual: day.actual as number });
    const eventKeys = [...new Set(scored.flatMap((day) => day.events))].sort();
    const intervalRows: ScoredPoint[] = (
      await queryRows<ScoredPoint>(
        this.dataSource,
        `select f.p10, f.p50, f.p90, coalesce(a.offered, 0)::int as actual
           from forecast_run_interval f
           join (select distinct ${localDateSql('interval_start', '$3')} as date from contact_history
                  where queue_id = $2 and ${instantRangeSql('interval_start', '$4', '$5')}) seen
             on seen.date = ${localDateSql('f.interval_start', '$3')}
           left join (select interval_start, sum(offered) as offered from contact_history
                       where queue_id = $2 and ${instantRangeSql('interval_start', '$4', '$5')}
                       group by interval_start) a on a.interval_start = f.interval_start
          where f.run_id = $1`,
        [id, run.queueId, timeZone, ...scoredRange],
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
}
