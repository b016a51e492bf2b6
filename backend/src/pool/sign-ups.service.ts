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
import { poolTransaction, StaleShiftError } from './pool-transaction';
import { checkMemberRules, checkShiftState } from './sign-up-rules';
import { promoteFromWaitlist, waitlistPosition } from './waitlist';
import { queryOne, queryRows } from '../database/query-rows';

const ACTIVE_STATUSES = ['confirmed', 'waitlisted', 'requested'];

/**
 * Takes a place in one statement: locks the shift row (FOR UPDATE waits for, then reads, the latest
 * committed count), decides the status, counts the place in (the check constraint keeps confirmed at
 * most places), and writes the sign-up, reusing a withdrawn or cancelled row of the same member
 * (unique shift and member) at the back of the line. On a preference shift the sign-up is a request
 * that marks it `want` (unranked). No row comes back when the shift changed since
 * the rules were checked (sequence) or was cancelled.
 */
const TAKE_PLACE = `
  with shift as (
    select places, confirmed_count, allocation from pool_shift
     where id = $1 and sequence = $3 and cancelled_at is null
     for update
  ), decision as (
    select case when allocation = 'preference' then 'requested'
                when confirmed_count < places then 'confirmed'
                else 'waitlisted' end as status
      from shift
  ), place as (
    update pool_shift set confirmed_count = confirmed_count + 1
     where id = $1 and exists (select 1 from decision where status = 'confirmed')
  )
  insert into pool_sign_up (shift_id, user_id, status, preference)
  select $1, $2, status, case when status = 'requested' then 'want' end from decision
  on conflict (shift_id, user_id) do update
     set status = excluded.status, queued_at = clock_timestamp(), updated_at = clock_timestamp(),
         sequence = pool_sign_up.sequence + 1, preference = excluded.preference, preference_rank = null
   where pool_sign_up.status in ('withdrawn', 'cancelled')
  returning id, status`;

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

  /**
   * Signs the member up. The rules are checked first under the member's own lock (and their
   * department's cap lock); then one statement locks the shift row, decides confirmed / waitlisted /
   * requested from its current count, takes the place and writes the sign-up. The shift's lock is thus
   * held for that statement, the waitlist position and the commit only, so a storm of sign-ups on one
   * shift queues on the short part. Had the shift changed since it was read (its sequence moved), the
   * whole attempt runs again with the rules checked on the new shift.
   */
  async signUp(member: SessionUser, shiftId: string): Promise<SignUpResponse> {
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const shift = await loadShift(manager, member.organisationId, shiftId);
      if (!shift) throw shiftNotFound(shiftId);
      const now = new Date();
      checkShiftState(shift, { timeZone, now });
      // The member's lock first: their own sign-ups take turns, so "already signed up" is read after the last one.
      await manager.query(`select 1 from app_user where id = $1 for no key update`, [member.id]);
      const existing = await queryOne<{ id: string; status: SignUpStatus }>(
        manager,
        `select id, status from pool_sign_up where shift_id = $1 and user_id = $2`,
        [shiftId, member.id],
      );
      if (existing && ACTIVE_STATUSES.includes(existing.status))
        throw new PoolRuleRefusal('already-signed-up', `You are already ${existing.status} for this shift.`);
      await checkMemberRules(manager, shift, member.id, { timeZone, now });
      const taken = await queryOne<{ id: string; status: SignUpResponse['status'] }>(manager, TAKE_PLACE, [
        shiftId,
        member.id,
        shift.sequence,
      ]);
      if (!taken) {
        const current = await queryOne<{ sequence: number }>(
          manager,
          `select sequence from pool_shift where id = $1`,
          [shiftId],
        );
        if (current?.sequence !== shift.sequence) throw new StaleShiftError();
        throw new PoolRuleRefusal('already-signed-up', 'You are already signed up for this shift.');
      }
      return taken.status === 'waitlisted'
        ? { id: taken.id, shiftId, status: taken.status, position: await waitlistPosition(manager, taken.id) }
        : { id: taken.id, shiftId, status: taken.status };
    });
  }

  /** Withdraws my sign-up; a confirmed place freed before the cut-off goes to the waitlist at once. */
  async withdraw(member: SessionUser, shiftId: string): Promise<WithdrawResponse> {
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const shift = await loadShift(manager, member.organisationId, shiftId, true);
      if (!shift) throw shiftNotFound(shiftId);
      const mine = await queryOne<{ id: string; status: SignUpStatus }>(
        manager,
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
    const rows = await queryRows<{
      id: string;
      user_id: string;
      name: string;
      department: string | null;
      status: SignUpStatus;
      created_at: Date;
      position: number | null;
    }>(
      this.dataSource,
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
    const rows = await queryRows<
      PoolShiftRow & { sign_up_id: string; sign_up_status: MyScheduleEntryDto['status'] }
    >(
      this.dataSource,
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
