import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';

import { OrganisationsService } from '../organisations/organisations.service';
import { MessageSenderService } from '../pool/messages/message-sender.service';
import { RemindersService } from '../pool/messages/reminders.service';
import { ContinuityService } from '../pool/points/continuity.service';
import { JobLockService, type JobOutcome } from './job-lock.service';
import { dueJobs } from './job-schedule';

export type PoolJob = 'pool-reminders' | 'pool-continuity';

/** When each pool job runs, on the organisation's wall clock: reminders the afternoon before a shift. */
const POOL_JOB_SCHEDULE = [
  { job: 'pool-reminders', at: '17:00' },
  { job: 'pool-continuity', at: '03:00' },
] as const satisfies readonly { job: PoolJob; at: string }[];

/**
 * The pool's scheduled work, thin: daily reminders and (in January) last year's continuity points,
 * each once across instances through the run-once lock; and the message sender's tick. The cron
 * triggers exist only when jobs are enabled (ScheduleModule is registered in AppModule then).
 */
@Injectable()
export class PoolJobsService {
  private readonly logger = new Logger('jobs');
  private sending = false;

  constructor(
    private readonly locks: JobLockService,
    private readonly organisations: OrganisationsService,
    private readonly reminders: RemindersService,
    private readonly continuity: ContinuityService,
    private readonly sender: MessageSenderService,
  ) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: 'pool-jobs' })
  async runDueJobs(now = Date.now()): Promise<void> {
    const { timeZone } = await this.organisations.current();
    for (const { job, date } of dueJobs(now, timeZone, POOL_JOB_SCHEDULE)) {
      if (job === 'pool-continuity' && !date.endsWith('-01-01')) continue;
      this.log(await this.run(job, date, new Date(now)));
    }
  }

  /** Runs a pool job for a local date once across all instances. */
  run(job: PoolJob, date: string, now: Date = new Date()): Promise<JobOutcome> {
    const work =
      job === 'pool-reminders'
        ? () => this.reminders.queueDue(now)
        : () => this.continuity.grant(Number(date.slice(0, 4)) - 1);
    return this.locks.runOnce(job, date, work);
  }

  /** Every minute: send what is due. One pass at a time per instance; other instances skip claimed rows. */
  @Cron(CronExpression.EVERY_MINUTE, { name: 'pool-messages' })
  async tick(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const result = await this.sender.sendDue();
      if (result.claimed > 0) this.logger.log(`pool messages: ${JSON.stringify(result)}`);
    } catch (error) {
      this.logger.error(`pool messages: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.sending = false;
    }
  }

  private log(outcome: JobOutcome): void {
    if (outcome.error) this.logger.error(`${outcome.job} ${outcome.runKey} failed: ${outcome.error}`);
    else if (outcome.ran) this.logger.log(`${outcome.job} ${outcome.runKey} done`);
    else this.logger.log(`${outcome.job} ${outcome.runKey} skipped (${outcome.skipped})`);
  }
}
