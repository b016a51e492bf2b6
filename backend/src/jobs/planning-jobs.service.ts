import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { addDays, ZoneClock } from '@peakplan/forecasting';

import { instantSql, localDayStartSql } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';

import { ForecastRunsService } from '../forecast-runs/forecast-runs.service';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  PeakReviewsService,
  type FailedPeakReview,
  type StoredPeakReview,
} from '../peak-reviews/peak-reviews.service';
import { JobLockService, type JobOutcome } from './job-lock.service';
import { dueJobs } from './job-schedule';

export const PLANNING_JOBS = ['nightly-refit', 'accuracy-snapshot'] as const;
export type PlanningJob = (typeof PLANNING_JOBS)[number];

/** When each job runs, on the organisation's wall clock. */
const PLANNING_JOB_SCHEDULE = [
  { job: 'nightly-refit', at: '02:30' },
  { job: 'accuracy-snapshot', at: '04:00' },
] as const satisfies readonly { job: PlanningJob; at: string }[];

/**
 * The scheduled planning jobs, thin: they decide what is due and call the feature services. The
 * cron triggers exist only when jobs are enabled (ScheduleModule is registered in AppModule then);
 * an admin can run a job by hand through the same run-once lock.
 */
@Injectable()
export class PlanningJobsService {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly dataSource: DataSource,
    private readonly locks: JobLockService,
    private readonly organisations: OrganisationsService,
    private readonly forecastRuns: ForecastRunsService,
    private readonly peakReviews: PeakReviewsService,
  ) {}

  /**
   * Every five minutes, the jobs due on the organisation's wall clock (see {@link dueJobs}): the
   * time zone is the organisation's, read each time, so changing it needs no restart.
   */
  @Cron(CronExpression.EVERY_5_MINUTES, { name: 'planning-jobs' })
  async runDueJobs(now = Date.now()): Promise<void> {
    const { timeZone } = await this.organisations.current();
    for (const { job, date } of dueJobs(now, timeZone, PLANNING_JOB_SCHEDULE))
      this.log(await this.run(job, date));
  }

  /** Runs a job for a local date (default today) once across all instances. */
  async run(job: PlanningJob, date?: string, triggeredBy: string | null = null): Promise<JobOutcome> {
    const { timeZone } = await this.organisations.current();
    const today = date ?? DateTime.now().setZone(timeZone).toISODate()!;
    const work = job === 'nightly-refit' ? () => this.refit(today) : () => this.accuracySnapshot(today);
    return this.locks.runOnce(job, today, work, triggeredBy);
  }

  /** Refits every queue whose actuals reach past the training of its latest completed run. */
  private async refit(today: string): Promise<{ refitted: string[] }> {
    const { timeZone } = await this.organisations.current();
    // Each queue's day after its latest training is its own, so that bound stays a day start in SQL.
    const trainedUpTo = `coalesce((select max(r.training_to) from forecast_run r
                                    where r.queue_id = q.id and r.status = 'completed'), '-infinity'::date) + 1`;
    const due = await queryRows<{ id: string; name: string }>(
      this.dataSource,
      `select q.id, q.name from queue q
        where q.retired_at is null and exists (select 1 from contact_history h where h.queue_id = q.id
                        and h.interval_start < ${instantSql('$2')}
                        and h.interval_start >= ${localDayStartSql(trainedUpTo, '$1')})
        order by q.name`,
      [timeZone, new ZoneClock(timeZone).dayStart(today)],
    );
    const started = [];
    for (const queue of due)
      started.push(
        ...(await this.forecastRuns.start(
          { queueId: queue.id, trainingTo: addDays(today, -1) },
          'nightly-refit',
        )),
      );
    await this.forecastRuns.waitFor(started.map((run) => run.id));
    return { refitted: due.map((queue) => queue.name) };
  }

  /**
   * After a peak day: accuracy of the latest completed run per queue on the event windows so far; and
   * once a window has ended, its post-peak review, stored once.
   */
  private async accuracySnapshot(today: string): Promise<{
    snapshots: unknown[];
    peakReviews: StoredPeakReview[];
    peakReviewsFailed?: FailedPeakReview[];
  }> {
    const yesterday = addDays(today, -1);
    const runs = await queryRows<{ id: string }>(
      this.dataSource,
      `select distinct on (r.queue_id) r.id from forecast_run r
         join forecast_run_day d on d.run_id = r.id and d.date = $1::date and cardinality(d.events) > 0
        where r.status = 'completed' order by r.queue_id, r.created_at desc`,
      [yesterday],
    );
    const snapshots = [];
    for (const run of runs) {
      const report = await this.forecastRuns.accuracy(run.id, undefined, yesterday);
      snapshots.push({
        runId: run.id,
        queue: report.queueName,
        overall: report.overall,
        events: report.events,
      });
    }
    const { stored, failed } = await this.peakReviews.storeDue(today);
    return { snapshots, peakReviews: stored, ...(failed.length > 0 ? { peakReviewsFailed: failed } : {}) };
  }

  private log(outcome: JobOutcome): void {
    if (outcome.error) this.logger.error(`${outcome.job} ${outcome.runKey} failed: ${outcome.error}`);
    else if (outcome.ran) this.logger.log(`${outcome.job} ${outcome.runKey} done`);
    else this.logger.log(`${outcome.job} ${outcome.runKey} skipped (${outcome.skipped})`);
  }
}
