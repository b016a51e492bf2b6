import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { PoolShiftDto, SignUpStatus, WeeklyAvailability } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { shiftNotFound } from './pool-refusal';
import { SHIFT_COLUMNS, shiftStatus, toShiftDto, type PoolShiftRow } from './pool-shift.row';
import { inZone } from './pool-time';
import { fitsWeeklyAvailability } from './sign-up-rules';

type MemberShiftRow = PoolShiftRow & {
  my_sign_up_id: string | null;
  my_status: SignUpStatus | null;
  my_position: number | null;
  my_preference: 'want' | 'can' | null;
  my_rank: number | null;
};

/**
 * "Shifts I can take": the open shifts that fit a pool member (approved, trained for the skill on the
 * shift's date, not a day off, inside their weekly availability, window open, not begun), with their
 * own sign-up where they have one. Hours, rest and caps are checked at sign-up, where they are locked.
 */
@Injectable()
export class ShiftFitService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openShiftsFor(member: SessionUser, timeZone: string, now: Date): Promise<PoolShiftDto[]> {
    const availability = await this.availabilityOf(member.id);
    if (!availability) return [];
    const rows: MemberShiftRow[] = await this.dataSource.query(
      `${this.memberShiftsSql()}
        where s.organisation_id = $2 and s.cancelled_at is null
          and s.sign_up_opens_at <= $4 and s.sign_up_closes_at > $4 and s.starts_at > $4
          and exists (select 1 from pool_member_skill k
                       where k.user_id = $1 and k.queue_id = s.queue_id
                         and k.trained_on <= (s.starts_at at time zone $3)::date
                         and (k.training_expires_on is null or k.training_expires_on > (s.starts_at at time zone $3)::date))
          and not exists (select 1 from pool_member_date_off o
                           where o.user_id = $1 and o.day = (s.starts_at at time zone $3)::date)
        order by s.starts_at, q.name, s.id`,
      [member.id, member.organisationId, timeZone, now],
    );
    return rows
      .filter((row) => {
        const start = inZone(timeZone, row.starts_at);
        return fitsWeeklyAvailability(availability, start.weekday, start, inZone(timeZone, row.ends_at));
      })
      .map((row) => this.toMemberDto(row, timeZone, now));
  }

  /**
   * One shift as a member sees it: one that is open and fits them, or one they hold a sign-up on;
   * any other is "not found", like a shift of another organisation.
   */
  async shiftForMember(
    member: SessionUser,
    shift: PoolShiftRow,
    timeZone: string,
    now: Date,
  ): Promise<PoolShiftDto> {
    const [row]: MemberShiftRow[] = await this.dataSource.query(
      `${this.memberShiftsSql()} where s.id = $2 and s.organisation_id = $3`,
      [member.id, shift.id, member.organisationId],
    );
    if (row?.my_sign_up_id) return this.toMemberDto(row, timeZone, now);
    const open = shiftStatus(shift, now) === 'open' ? await this.openShiftsFor(member, timeZone, now) : [];
    const fitting = open.find((candidate) => candidate.id === shift.id);
    if (!fitting) throw shiftNotFound(shift.id);
    return fitting;
  }

  private memberShiftsSql(): string {
    return `select ${SHIFT_COLUMNS}, mine.id as my_sign_up_id, mine.status as my_status,
              mine.preference as my_preference, mine.preference_rank as my_rank,
              case when mine.status = 'waitlisted' then
                (select count(*)::int from pool_sign_up w where w.shift_id = s.id and w.status = 'waitlisted'
                    and (w.queued_at, w.id) <= (mine.queued_at, mine.id)) end as my_position
         from pool_shift s join queue q on q.id = s.queue_id
         left join pool_sign_up mine on mine.shift_id = s.id and mine.user_id = $1`;
  }

  private toMemberDto(row: MemberShiftRow, timeZone: string, now: Date): PoolShiftDto {
    return {
      ...toShiftDto(row, timeZone, now),
      mine:
        row.my_sign_up_id && row.my_status
          ? {
              id: row.my_sign_up_id,
              status: row.my_status,
              ...(row.my_position !== null ? { position: row.my_position } : {}),
              ...(row.my_status === 'requested' && row.my_preference
                ? { preference: row.my_preference, rank: row.my_rank }
                : {}),
            }
          : null,
    };
  }

  /** The member's weekly windows when they are an approved, active member; otherwise null (nothing fits). */
  private async availabilityOf(memberId: string): Promise<WeeklyAvailability[] | null> {
    const [row]: { weekly_availability: WeeklyAvailability[] }[] = await this.dataSource.query(
      `select pm.weekly_availability from pool_member pm join app_user u on u.id = pm.user_id
        where pm.user_id = $1 and pm.active and u.active and u.pool_approval = 'approved'`,
      [memberId],
    );
    return row ? row.weekly_availability : null;
  }
}
