import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { JobLockService, type JobOutcome } from '../../jobs/job-lock.service';
import { AllocationsService } from './allocations.service';
import { queryRows } from '../../database/query-rows';

export const ALLOCATION_JOB = 'preference-allocation';

/** A window that closed longer ago than this is left to the planner (a service down for days). */
const CATCH_UP_HOURS = 24;

/**
 * At a window's close, the shifts of that window are allocated once across instances: the run-once
 * lock is keyed by the organisation and the closing instant, so every instance that sees the window
 * closed tries, and one runs it. The roster waits for a planner to inspect and publish it. The cron
 * trigger exists only when jobs are enabled (ScheduleModule in AppModule).
 */
@Injectable()
export class AllocationJobService {
  private readonly logger = new Logger('jobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locks: JobLockService,
    private readonly allocations: AllocationsService,
  ) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: 'preference-allocation' })
  async allocateClosedWindows(now = new Date()): Promise<JobOutcome[]> {
    const windows = await queryRows<{ organisation_id: string; closes_at: Date; shift_ids: string[] }>(
      this.dataSource,
      `select organisation_id, sign_up_closes_at as closes_at, array_agg(id order by id) as shift_ids
         from pool_shift
        where allocation = 'preference' and cancelled_at is null and starts_at > $1
          and sign_up_closes_at <= $1 and sign_up_closes_at > $1 - make_interval(hours => $2)
        group by organisation_id, sign_up_closes_at
        order by sign_up_closes_at, organisation_id`,
      [now, CATCH_UP_HOURS],
    );
    const outcomes: JobOutcome[] = [];
    for (const window of windows) {
      const runKey = `${window.organisation_id}:${window.closes_at.toISOString()}`;
      const outcome = await this.locks.runOnce(ALLOCATION_JOB, runKey, async () => {
        const { id } = await this.allocations.create(
          window.organisation_id,
          [...window.shift_ids].sort(),
          [],
          null,
          'window-close',
          null,
          false,
        );
        await this.allocations.runAllocation(id);
        return { allocationId: id, shifts: window.shift_ids.length };
      });
      if (outcome.error) this.logger.error(`${ALLOCATION_JOB} ${runKey} failed: ${outcome.error}`);
      else if (outcome.ran) this.logger.log(`${ALLOCATION_JOB} ${runKey} done`);
      outcomes.push(outcome);
    }
    return outcomes;
  }
}
