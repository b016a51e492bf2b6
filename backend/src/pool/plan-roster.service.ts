import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { PlanRosterDto, PlanRosterLineDto } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { OrganisationsService } from '../organisations/organisations.service';
import { inZone, isoInZone } from './pool-time';
import { queryOne, queryRows } from '../database/query-rows';

interface RosterRow {
  shift_id: string;
  starts_at: Date;
  ends_at: Date;
  places: number;
  queue: string;
  member: string | null;
  email: string | null;
  department: string | null;
}

/**
 * The roster of a staffing plan: per published (not cancelled) shift of the plan, its confirmed members
 * and then one line per place still open, in the organisation's zone. The CSV export and the print
 * page both read it.
 */
@Injectable()
export class PlanRosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async roster(viewer: SessionUser, planId: string): Promise<PlanRosterDto> {
    const { timeZone } = await this.organisations.current();
    const plan = await queryOne<{ scenario_name: string }>(
      this.dataSource,
      `select s.name as scenario_name from staffing_plan p join scenario s on s.id = p.scenario_id
        where p.id = $1 and s.organisation_id = $2`,
      [planId, viewer.organisationId],
    );
    if (!plan) throw new NotFoundException(`staffing plan ${planId} does not exist`);
    const rows = await queryRows<RosterRow>(
      this.dataSource,
      `select s.id as shift_id, s.starts_at, s.ends_at, s.places, q.name as queue,
              u.name as member, u.email, d.name as department
         from pool_shift s
         join queue q on q.id = s.queue_id
         left join pool_sign_up su on su.shift_id = s.id and su.status = 'confirmed'
         left join app_user u on u.id = su.user_id
         left join department d on d.id = u.department_id
        where s.staffing_plan_id = $1 and s.organisation_id = $2 and s.cancelled_at is null
        order by s.starts_at, q.name, s.id, u.name nulls last, u.id`,
      [planId, viewer.organisationId],
    );
    const lines: PlanRosterLineDto[] = [];
    const shiftIds = [...new Set(rows.map((row) => row.shift_id))];
    for (const shiftId of shiftIds) {
      const ofShift = rows.filter((row) => row.shift_id === shiftId);
      const first = ofShift[0];
      const start = inZone(timeZone, first.starts_at);
      const shift = {
        shiftId,
        date: start.toISODate()!,
        start: start.toFormat('HH:mm'),
        end: inZone(timeZone, first.ends_at).toFormat('HH:mm'),
        startsAt: isoInZone(timeZone, first.starts_at),
        endsAt: isoInZone(timeZone, first.ends_at),
        queue: first.queue,
      };
      const confirmed = ofShift.filter((row) => row.member !== null);
      for (const row of confirmed)
        lines.push({ ...shift, member: row.member, email: row.email, department: row.department });
      for (let open = confirmed.length; open < first.places; open += 1)
        lines.push({ ...shift, member: null, email: null, department: null });
    }
    return { planId, scenarioName: plan.scenario_name, timeZone, lines };
  }
}
