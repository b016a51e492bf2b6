import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { SignUpWindowDto, SignUpWindowRequest } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { badField } from './new-shifts';
import { isoInZone } from './pool-time';
import { poolTransaction } from './pool-transaction';
import { shiftStatus, type PoolShiftRow } from './pool-shift.row';
import { queryOne, queryRows } from '../database/query-rows';

const DAY_MS = 86_400_000;

type WindowRow = Pick<
  PoolShiftRow,
  'id' | 'starts_at' | 'sign_up_opens_at' | 'sign_up_closes_at' | 'cancelled_at'
>;

/**
 * Closes or reopens sign-up on every published shift of a staffing plan that has not begun, in one
 * transaction under the shifts' locks (a sign-up in flight either lands before the close or is
 * refused after it). Audited with the number of shifts changed.
 */
@Injectable()
export class PlanSignUpWindowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async change(planner: SessionUser, planId: string, request: SignUpWindowRequest): Promise<SignUpWindowDto> {
    const now = new Date();
    if (request.state === 'closed' && request.closesAt !== undefined)
      throw badField('closesAt', 'only with state "open": closing is now');
    const until = request.closesAt === undefined ? null : new Date(request.closesAt);
    if (until && until <= now) throw badField('closesAt', 'must be in the future');
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const plan = await queryOne<{ id: string }>(
        manager,
        `select p.id from staffing_plan p join scenario s on s.id = p.scenario_id
          where p.id = $1 and s.organisation_id = $2`,
        [planId, planner.organisationId],
      );
      if (!plan) throw new NotFoundException(`staffing plan ${planId} does not exist`);
      const shifts = await queryRows<WindowRow>(
        manager,
        `select id, starts_at, sign_up_opens_at, sign_up_closes_at, cancelled_at from pool_shift
          where staffing_plan_id = $1 and organisation_id = $2 and cancelled_at is null and starts_at > $3
          order by starts_at, id for update`,
        [planId, planner.organisationId, now],
      );
      const changes = shifts
        .map((shift) => ({ shift, window: this.windowOf(shift, request.state, until, now) }))
        .filter(
          ({ shift, window }) =>
            window.opensAt.getTime() !== shift.sign_up_opens_at.getTime() ||
            window.closesAt.getTime() !== shift.sign_up_closes_at.getTime(),
        );
      if (changes.length > 0)
        await manager.query(
          `update pool_shift s set sign_up_opens_at = x.o, sign_up_closes_at = x.c,
                  sequence = s.sequence + 1, updated_at = now()
             from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) as x(id, o, c)
            where s.id = x.id`,
          [
            changes.map(({ shift }) => shift.id),
            changes.map(({ window }) => window.opensAt),
            changes.map(({ window }) => window.closesAt),
          ],
        );
      await this.audit.record(
        {
          actor: planner,
          action: request.state === 'closed' ? 'shifts.sign-up-closed' : 'shifts.sign-up-reopened',
          entityType: 'staffing-plan',
          entityId: planId,
          after: { changedShifts: changes.length, closesAt: request.closesAt ?? null },
        },
        manager,
      );
      const changed = new Map(changes.map(({ shift, window }) => [shift.id, window]));
      return {
        planId,
        state: request.state,
        changedShifts: changes.length,
        shifts: shifts.map((shift) => {
          const window = changed.get(shift.id) ?? {
            opensAt: shift.sign_up_opens_at,
            closesAt: shift.sign_up_closes_at,
          };
          const row = { ...shift, sign_up_opens_at: window.opensAt, sign_up_closes_at: window.closesAt };
          return {
            shiftId: shift.id,
            signUpOpensAt: isoInZone(timeZone, window.opensAt),
            signUpClosesAt: isoInZone(timeZone, window.closesAt),
            status: shiftStatus(row as PoolShiftRow, now),
          };
        }),
      };
    });
  }

  /**
   * Closed: the window ends now (one that had not opened yet opens a second before, as the table
   * requires opening before closing). Open: from now at the latest, until `until` or 24 hours before
   * the start (the start itself when that is nearer), never after the start.
   */
  private windowOf(
    shift: WindowRow,
    state: SignUpWindowRequest['state'],
    until: Date | null,
    now: Date,
  ): { opensAt: Date; closesAt: Date } {
    if (state === 'closed') {
      if (shift.sign_up_closes_at <= now)
        return { opensAt: shift.sign_up_opens_at, closesAt: shift.sign_up_closes_at };
      const opensAt = shift.sign_up_opens_at < now ? shift.sign_up_opens_at : new Date(now.getTime() - 1000);
      return { opensAt, closesAt: now };
    }
    const opensAt = shift.sign_up_opens_at < now ? shift.sign_up_opens_at : now;
    const dayBefore = new Date(shift.starts_at.getTime() - DAY_MS);
    const wanted = until ?? (dayBefore > now ? dayBefore : shift.starts_at);
    return { opensAt, closesAt: wanted < shift.starts_at ? wanted : shift.starts_at };
  }
}
