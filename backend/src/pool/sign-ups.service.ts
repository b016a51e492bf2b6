import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type {
  MyScheduleEntryDto,
  ShiftSignUpDto,
  SignUpResponse,
  SignUpStatus,
  WithdrawResponse,
} from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { OrganisationsService } from '../organisations/organisations.service';
import { PoolRuleRefusal, shiftNotFound } from './pool-refusal';
import { loadShift, SHIFT_COLUMNS, toShiftDto, type PoolShiftRow } from './pool-shift.row';
import { isoInZone } from './pool-time';
import { checkMemberRules, checkShiftState } from './sign-up-rules';
import { promoteFromWaitlist, waitlistPosition } from './waitlist';

const ACTIVE_STATUSES = ['confirmed', 'waitlisted', 'requested'];

/**
 * Sign-up and withdrawal. Each runs in one transaction that first locks the shift row (so sign-ups of
 * one shift take turns), checks every rule, and only then writes; the database adds its own guards:
 * a unique (shift, member) pair and a check that confirmed never exceeds places.
 */
@Injectable()
export class SignUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async signUp(member: SessionUser, shiftId: string): Promise<SignUpResponse> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const shift = await loadShift(manager, member.organisationId, shiftId, true);
      if (!shift) throw shiftNotFound(shiftId);
      const now = new Date();
      checkShiftState(shift, { timeZone, now });
      const [existing]: { id: string; status: SignUpStatus }[] = await manager.query(
        `select id, status from pool_sign_up where shift_id = $1 and user_id = $2`,
        [shiftId, member.id],
      );
      if (existing && ACTIVE_STATUSES.includes(existing.status))
        throw new PoolRuleRefusal('already-signed-up', `You are already ${existing.status} for this shift.`);
      await checkMemberRules(manager, shift, member.id, { timeZone, now });
      const status: SignUpResponse['status'] =
        shift.allocation === 'preference'
          ? 'requested'
          : shift.confirmed_count < shift.places
            ? 'confirmed'
            : 'waitlisted';
      if (status === 'confirmed')
        await manager.query(`update pool_shift set confirmed_count = confirmed_count + 1 where id = $1`, [
          shiftId,
        ]);
      // A withdrawn member signing up again takes the same row, at the back of the line.
      const [{ id }]: { id: string }[] = await manager.query(
        `insert into pool_sign_up (shift_id, user_id, status) values ($1, $2, $3)
         on conflict (shift_id, user_id) do update
           set status = excluded.status, queued_at = clock_timestamp(), updated_at = clock_timestamp(),
               sequence = pool_sign_up.sequence + 1
         returning id`,
        [shiftId, member.id, status],
      );
      return status === 'waitlisted'
        ? { id, shiftId, status, position: await waitlistPosition(manager, id) }
        : { id, shiftId, status };
    });
  }

  /** Withdraws my sign-up; a confirmed place freed before the cut-off goes to the waitlist at once. */
  async withdraw(member: SessionUser, shiftId: string): Promise<WithdrawResponse> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const shift = await loadShift(manager, member.organisationId, shiftId, true);
      if (!shift) throw shiftNotFound(shiftId);
      const [mine]: { id: string; status: SignUpStatus }[] = await manager.query(
        `select id, status from pool_sign_up where shift_id = $1 and user_id = $2 and status = any($3)`,
        [shiftId, member.id, ACTIVE_STATUSES],
      );
      if (!mine)
        throw new NotFoundException({
          message: 'You are not signed up for this shift.',
          code: 'not-signed-up',
          details: [{ field: 'rule', reason: 'not-signed-up' }],
        });
      const now = new Date();
      if (mine.status === 'confirmed' && now >= shift.withdrawal_cutoff_at)
        throw new PoolRuleRefusal(
          'withdrawal-cutoff-passed',
          `Withdrawing from this shift was possible until ${isoInZone(timeZone, shift.withdrawal_cutoff_at)}; ask your planner.`,
        );
      await manager.query(
        `update pool_sign_up set status = 'withdrawn', sequence = sequence + 1, updated_at = clock_timestamp() where id = $1`,
        [mine.id],
      );
      let promoted: string[] = [];
      if (mine.status === 'confirmed') {
        await manager.query(`update pool_shift set confirmed_count = confirmed_count - 1 where id = $1`, [
          shiftId,
        ]);
        shift.confirmed_count--;
        promoted = await promoteFromWaitlist(manager, shift, { timeZone, now });
      }
      return { id: mine.id, shiftId, status: 'withdrawn', promotedMemberId: promoted[0] ?? null };
    });
  }

  /** A shift's sign-ups for planners: everyone, in order (confirmed, requested, then the waitlist in line). */
  async listForShift(viewer: SessionUser, shiftId: string): Promise<ShiftSignUpDto[]> {
    const shift = await loadShift(this.dataSource.manager, viewer.organisationId, shiftId);
    if (!shift) throw shiftNotFound(shiftId);
    const rows: {
      id: string;
      user_id: string;
      name: string;
      department: string | null;
      status: SignUpStatus;
      created_at: Date;
      position: number | null;
    }[] = await this.dataSource.query(
      `select su.id, su.user_id, u.name, d.name as department, su.status, su.created_at,
              case when su.status = 'waitlisted'
                   then row_number() over (partition by su.status = 'waitlisted' order by su.queued_at, su.id)::int
              end as position
         from pool_sign_up su join app_user u on u.id = su.user_id left join department d on d.id = u.department_id
        where su.shift_id = $1
        order by array_position(array['confirmed','requested','waitlisted','withdrawn','cancelled'], su.status),
                 su.queued_at, su.id`,
      [shiftId],
    );
    return rows.map((row) => ({
      id: row.id,
      memberId: row.user_id,
      member: row.name,
      department: row.department,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      ...(row.position !== null ? { position: row.position } : {}),
    }));
  }

  /** My confirmed, requested and waitlisted shifts still to come (and today's), soonest first. */
  async schedule(member: SessionUser): Promise<MyScheduleEntryDto[]> {
    const { timeZone } = await this.organisations.current();
    const rows: (PoolShiftRow & { sign_up_id: string; sign_up_status: MyScheduleEntryDto['status'] })[] =
      await this.dataSource.query(
        `select ${SHIFT_COLUMNS}, su.id as sign_up_id, su.status as sign_up_status
           from pool_sign_up su join pool_shift s on s.id = su.shift_id join queue q on q.id = s.queue_id
          where su.user_id = $1 and su.status in ('confirmed', 'waitlisted', 'requested')
            and s.cancelled_at is null and s.ends_at > now() - interval '1 day'
          order by s.starts_at`,
        [member.id],
      );
    const now = new Date();
    const entries: MyScheduleEntryDto[] = [];
    for (const row of rows) {
      const entry: MyScheduleEntryDto = {
        signUpId: row.sign_up_id,
        status: row.sign_up_status,
        shift: toShiftDto(row, timeZone, now),
      };
      if (row.sign_up_status === 'waitlisted')
        entry.position = await waitlistPosition(this.dataSource.manager, row.sign_up_id);
      entries.push(entry);
    }
    return entries;
  }
}
