import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { PreferenceDto, SetPreferenceRequest, SignUpStatus } from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { OrganisationsService } from '../../organisations/organisations.service';
import { PoolRuleRefusal, shiftNotFound } from '../pool-refusal';
import { loadShift } from '../pool-shift.row';
import { poolTransaction } from '../pool-transaction';
import { checkMemberRules, checkShiftState } from '../sign-up-rules';
import { queryOne } from '../../database/query-rows';

/**
 * A member's marks on preference shifts: `want` (optionally ranked) or `can`, kept as their
 * `requested` sign-up, so the shift's requested count, the member's schedule and withdrawing keep
 * working as before; `none` withdraws the mark. Marked only while the window is open, and only where
 * every sign-up rule passes today (the allocation checks them all again).
 */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async set(member: SessionUser, shiftId: string, request: SetPreferenceRequest): Promise<PreferenceDto> {
    const rank = request.rank ?? null;
    if (rank !== null && request.preference !== 'want')
      throw new BadRequestException({
        message: 'rank is only given with the preference want',
        details: [{ field: 'rank', reason: 'only with preference want' }],
      });
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const shift = await loadShift(manager, member.organisationId, shiftId);
      if (!shift) throw shiftNotFound(shiftId);
      if (shift.allocation !== 'preference')
        throw new PoolRuleRefusal(
          'not-preference-shift',
          'This shift is first come, first served: sign up for it instead.',
        );
      const now = new Date();
      checkShiftState(shift, { timeZone, now });
      await manager.query(`select 1 from app_user where id = $1 for no key update`, [member.id]);
      const existing = await queryOne<{ status: SignUpStatus }>(
        manager,
        `select status from pool_sign_up where shift_id = $1 and user_id = $2`,
        [shiftId, member.id],
      );
      if (existing && (existing.status === 'confirmed' || existing.status === 'waitlisted'))
        throw new PoolRuleRefusal('already-signed-up', `You are already ${existing.status} for this shift.`);
      if (request.preference === 'none') {
        await manager.query(
          `update pool_sign_up set status = 'withdrawn', preference = null, preference_rank = null,
                  sequence = sequence + 1, updated_at = clock_timestamp()
            where shift_id = $1 and user_id = $2 and status = 'requested'`,
          [shiftId, member.id],
        );
        return { shiftId, preference: 'none', rank: null };
      }
      if (existing?.status !== 'requested')
        await checkMemberRules(manager, shift, member.id, { timeZone, now });
      // Only a change is written: marking the same twice leaves the row (and its place in time) alone.
      await manager.query(
        `insert into pool_sign_up (shift_id, user_id, status, preference, preference_rank)
         values ($1, $2, 'requested', $3, $4)
         on conflict (shift_id, user_id) do update
            set status = 'requested', preference = excluded.preference, preference_rank = excluded.preference_rank,
                sequence = pool_sign_up.sequence + 1, updated_at = clock_timestamp(),
                queued_at = case when pool_sign_up.status = 'requested' then pool_sign_up.queued_at else clock_timestamp() end
          where pool_sign_up.status in ('withdrawn', 'cancelled')
             or (pool_sign_up.preference, pool_sign_up.preference_rank) is distinct from (excluded.preference, excluded.preference_rank)`,
        [shiftId, member.id, request.preference, rank],
      );
      return { shiftId, preference: request.preference, rank };
    });
  }
}
