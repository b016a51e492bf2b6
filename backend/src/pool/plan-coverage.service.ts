import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type { PlanCoverageDto, PlanCoverageIntervalDto } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { OrganisationsService } from '../organisations/organisations.service';
import { ScenariosService } from '../scenarios/scenarios.service';
import { queryOne, queryRows } from '../database/query-rows';

/**
 * Coverage of a staffing plan for planners: per queue and interval of the plan's period, the pool gap
 * of its scenario beside the places published from the plan, confirmed and still open. A shift covers
 * the intervals that start within it (breaks are not taken out: the plan's draft break times are not
 * kept on a published shift, only its break length).
 */
@Injectable()
export class PlanCoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
  ) {}

  async coverage(viewer: SessionUser, planId: string): Promise<PlanCoverageDto> {
    const { timeZone } = await this.organisations.current();
    const plan = await queryOne<{ scenario_id: string; period_from: string; period_to: string }>(
      this.dataSource,
      `select p.scenario_id, to_char(p.period_from, 'YYYY-MM-DD') as period_from, to_char(p.period_to, 'YYYY-MM-DD') as period_to
         from staffing_plan p join scenario s on s.id = p.scenario_id where p.id = $1 and s.organisation_id = $2`,
      [planId, viewer.organisationId],
    );
    if (!plan) throw new NotFoundException(`staffing plan ${planId} does not exist`);
    const result = await this.scenarios.result(plan.scenario_id, true);
    const shifts = await queryRows<{
      queue: string;
      starts_at: Date;
      ends_at: Date;
      places: number;
      confirmed_count: number;
    }>(
      this.dataSource,
      `select q.name as queue, s.starts_at, s.ends_at, s.places, s.confirmed_count
           from pool_shift s join queue q on q.id = s.queue_id
          where s.staffing_plan_id = $1 and s.cancelled_at is null`,
      [planId],
    );
    const intervals: PlanCoverageIntervalDto[] = [];
    for (const slot of result.intervals ?? []) {
      const start = DateTime.fromISO(slot.start, { setZone: true });
      const date = start.setZone(timeZone).toISODate()!;
      if (date < plan.period_from || date > plan.period_to) continue;
      const at = start.toMillis();
      const covering = shifts.filter(
        (shift) =>
          shift.queue === slot.queue && shift.starts_at.getTime() <= at && at < shift.ends_at.getTime(),
      );
      const published = covering.reduce((sum, shift) => sum + shift.places, 0);
      const confirmed = covering.reduce((sum, shift) => sum + shift.confirmed_count, 0);
      if (slot.poolGap === 0 && published === 0) continue;
      intervals.push({
        queue: slot.queue,
        start: slot.start,
        poolGap: slot.poolGap,
        published,
        confirmed,
        open: published - confirmed,
      });
    }
    return {
      planId,
      intervals,
      intervalsShort: intervals.filter((interval) => interval.confirmed < interval.poolGap).length,
    };
  }
}
