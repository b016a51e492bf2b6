import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { PoolRuleBlock, PoolShiftDto, SignUpStatus, WeeklyAvailability } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { localDateSql } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';
import { PoolRuleRefusal, shiftNotFound } from './pool-refusal';
import { SHIFT_COLUMNS, shiftStatus, toShiftDto, type PoolShiftRow } from './pool-shift.row';
import { inZone } from './pool-time';
import {
  busiestAway,
  checkBookedShifts,
  departmentCapRefusal,
  effectiveCap,
  fitsWeeklyAvailability,
  type BookedShiftRow,
} from './sign-up-rules';

const ACTIVE_STATUSES: SignUpStatus[] = ['confirmed', 'waitlisted', 'requested'];

type MemberShiftRow = PoolShiftRow & {
  my_sign_up_id: string | null;
  my_status: SignUpStatus | null;
  my_position: number | null;
  my_preference: 'want' | 'can' | null;
  my_rank: number | null;
};

interface MemberFitRow {
  weekly_availability: WeeklyAvailability[];
  max_hours_per_week: number | null;
  max_hours_per_peak: number | null;
  department_id: string | null;
}

/** What the working-time and department rules read, loaded once for the whole list. */
interface BookingContext {
  member: MemberFitRow;
  /** The member's confirmed shifts. */
  booked: (BookedShiftRow & { id: string })[];
  /** The department's cap in people, null when none. */
  departmentLimit: number | null;
  /** Colleagues' confirmed shifts still to come. */
  colleaguesAway: { starts_at: Date; ends_at: Date }[];
}

/**
 * "Shifts I can take": the open shifts that fit a pool member (approved, trained for the skill on the
 * shift's date, not a day off, inside their weekly availability, window open, not begun), with their
 * own sign-up where they have one. A shift they could still not take (overlap, rest, hours or the
 * department cap) says which rule in `blockedBy`, read without locks: the sign-up checks again under them.
 */
/** The local date a shift starts on: each shift is joined to the member's training and days off inside
 * the database, so the day stays an SQL expression (local-time-sql.ts). */
const SHIFT_DAY = localDateSql('s.starts_at', '$3');

@Injectable()
export class ShiftFitService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openShiftsFor(member: SessionUser, timeZone: string, now: Date): Promise<PoolShiftDto[]> {
    const fit = await this.memberFit(member.id);
    if (!fit) return [];
    const bookings = await this.bookingContext(fit, member.id, now);
    const rows = await queryRows<MemberShiftRow>(
      this.dataSource,
      `${this.memberShiftsSql()}
        where s.organisation_id = $2 and s.cancelled_at is null
          and s.sign_up_opens_at <= $4 and s.sign_up_closes_at > $4 and s.starts_at > $4
          and exists (select 1 from pool_member_skill k
                       where k.user_id = $1 and k.queue_id = s.queue_id
                         and k.trained_on <= ${SHIFT_DAY}
                         and (k.training_expires_on is null or k.training_expires_on > ${SHIFT_DAY}))
          and not exists (select 1 from pool_member_date_off o
                           where o.user_id = $1 and o.day = ${SHIFT_DAY})
        order by s.starts_at, q.name, s.id`,
      [member.id, member.organisationId, timeZone, now],
    );
    return rows
      .filter((row) => {
        const start = inZone(timeZone, row.starts_at);
        return fitsWeeklyAvailability(
          fit.weekly_availability,
          start.weekday,
          start,
          inZone(timeZone, row.ends_at),
        );
      })
      .map((row) => {
        const dto = this.toMemberDto(row, timeZone, now);
        // A withdrawn or cancelled sign-up of mine does not hold a place: the rules apply again.
        const holdsPlace = dto.mine && ACTIVE_STATUSES.includes(dto.mine.status);
        return holdsPlace ? dto : { ...dto, blockedBy: blockOf(row, bookings, timeZone) };
      });
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
    const [row] = await queryRows<MemberShiftRow>(
      this.dataSource,
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

  /** The member's windows and limits when they are an approved, active member; otherwise null (nothing fits). */
  private async memberFit(memberId: string): Promise<MemberFitRow | null> {
    const [row] = await queryRows<MemberFitRow>(
      this.dataSource,
      `select pm.weekly_availability, pm.max_hours_per_week, pm.max_hours_per_peak, u.department_id
         from pool_member pm join app_user u on u.id = pm.user_id
        where pm.user_id = $1 and pm.active and u.active and u.pool_approval = 'approved'`,
      [memberId],
    );
    return row ?? null;
  }

  private async bookingContext(member: MemberFitRow, memberId: string, now: Date): Promise<BookingContext> {
    // Every confirmed shift, past ones too: the per-peak hours cap counts them, as the sign-up does.
    const booked = await queryRows<BookingContext['booked'][number]>(
      this.dataSource,
      `select s.id, s.starts_at, s.ends_at, s.break_minutes, s.peak
         from pool_sign_up su join pool_shift s on s.id = su.shift_id
        where su.user_id = $1 and su.status = 'confirmed' and s.cancelled_at is null`,
      [memberId],
    );
    if (!member.department_id) return { member, booked, departmentLimit: null, colleaguesAway: [] };
    const [cap] = await queryRows<{ max_people: number | null; max_share: number | null; people: number }>(
      this.dataSource,
      `select c.max_people, c.max_share,
                (select count(*)::int from app_user u where u.department_id = c.department_id and u.active) as people
           from department_pool_cap c where c.department_id = $1`,
      [member.department_id],
    );
    const departmentLimit = cap ? effectiveCap(cap.max_people, cap.max_share, cap.people) : null;
    const colleaguesAway: BookingContext['colleaguesAway'] =
      departmentLimit === null
        ? []
        : await queryRows<BookingContext['colleaguesAway'][number]>(
            this.dataSource,
            `select s.starts_at, s.ends_at
               from pool_sign_up su join pool_shift s on s.id = su.shift_id join app_user u on u.id = su.user_id
              where u.department_id = $1 and su.status = 'confirmed' and s.cancelled_at is null
                and su.user_id <> $2 and s.ends_at > $3`,
            [member.department_id, memberId, now],
          );
    return { member, booked, departmentLimit, colleaguesAway };
  }
}

/** The rule that would refuse a sign-up on the shift, in the words of its refusal; null when none. */
function blockOf(shift: PoolShiftRow, context: BookingContext, timeZone: string): PoolRuleBlock | null {
  try {
    checkBookedShifts(
      shift,
      context.booked.filter((other) => other.id !== shift.id),
      context.member,
      timeZone,
    );
    if (context.departmentLimit !== null) {
      const busiest = busiestAway(shift, context.colleaguesAway);
      if (busiest + 1 > context.departmentLimit) throw departmentCapRefusal(busiest, context.departmentLimit);
    }
    return null;
  } catch (refusal) {
    if (refusal instanceof PoolRuleRefusal) return { code: refusal.rule, reason: refusal.sentence };
    throw refusal;
  }
}
