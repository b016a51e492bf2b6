import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { DepartmentBookingDto } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { OrganisationsService } from '../organisations/organisations.service';
import { inZone, isoInZone } from './pool-time';
import { queryRows } from '../database/query-rows';

interface BookingRow {
  sign_up_id: string;
  user_id: string;
  member: string;
  department: string | null;
  status: DepartmentBookingDto['status'];
  position: number | null;
  shift_id: string;
  skill: string;
  starts_at: Date;
  ends_at: Date;
  peak: string | null;
  remote: boolean;
  location: string | null;
}

/**
 * Who of a department is booked when: its members' confirmed, waitlisted and requested sign-ups on
 * shifts still to come, so a manager sees the effect of the pool on their own team. A manager reads
 * their own department only (none recorded: nothing); an admin reads every department.
 */
@Injectable()
export class DepartmentBookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(viewer: SessionUser, now: Date = new Date()): Promise<DepartmentBookingDto[]> {
    const { timeZone } = await this.organisations.current();
    const seesAll = viewer.roles.includes('admin');
    const rows = await queryRows<BookingRow>(
      this.dataSource,
      `select su.id as sign_up_id, u.id as user_id, u.name as member, d.name as department, su.status,
              case when su.status = 'waitlisted' then
                (select count(*)::int from pool_sign_up w where w.shift_id = s.id and w.status = 'waitlisted'
                    and (w.queued_at, w.id) <= (su.queued_at, su.id)) end as position,
              s.id as shift_id, q.name as skill, s.starts_at, s.ends_at, s.peak, s.remote, s.location
         from pool_sign_up su
         join app_user u on u.id = su.user_id
         left join department d on d.id = u.department_id
         join pool_shift s on s.id = su.shift_id
         join queue q on q.id = s.queue_id
        where s.organisation_id = $1 and u.organisation_id = $1
          and ($2::boolean or u.department_id = $3::uuid)
          and su.status in ('confirmed', 'waitlisted', 'requested')
          and s.cancelled_at is null and s.ends_at > $4
        order by s.starts_at, d.name nulls last, u.name, su.id`,
      [viewer.organisationId, seesAll, viewer.departmentId, now],
    );
    return rows.map((row) => {
      const start = inZone(timeZone, row.starts_at);
      return {
        signUpId: row.sign_up_id,
        memberId: row.user_id,
        member: row.member,
        department: row.department,
        status: row.status,
        ...(row.position !== null ? { position: row.position } : {}),
        shiftId: row.shift_id,
        date: start.toISODate()!,
        start: start.toFormat('HH:mm'),
        end: inZone(timeZone, row.ends_at).toFormat('HH:mm'),
        startsAt: isoInZone(timeZone, row.starts_at),
        endsAt: isoInZone(timeZone, row.ends_at),
        skill: row.skill,
        peak: row.peak,
        remote: row.remote,
        location: row.location,
      };
    });
  }
}
