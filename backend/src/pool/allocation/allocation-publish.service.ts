import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { AllocationDto, MyAllocationDto, PoolShiftDto } from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { AuditService } from '../../audit/audit.service';
import { OrganisationsService } from '../../organisations/organisations.service';
import { queueMessages } from '../pool-outbox';
import { PoolRuleRefusal } from '../pool-refusal';
import { loadShift, SHIFT_COLUMNS, toShiftDto, type PoolShiftRow } from '../pool-shift.row';
import { poolTransaction } from '../pool-transaction';
import { checkMemberRules } from '../sign-up-rules';
import { ALLOCATION_COLUMNS, type AllocationRow } from './allocation.row';
import { AllocationsService } from './allocations.service';
import { queryOne, queryRows } from '../../database/query-rows';

/**
 * Publishing a roster: in one transaction every assignment becomes a confirmed sign-up (each checked
 * again against every sign-up rule, in start order, so the roster's own shifts count too), the other
 * requests on its shifts are closed, and each member who asked or got something is told the result
 * through the outbox. Publishing again changes nothing.
 */
@Injectable()
export class AllocationPublishService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly allocations: AllocationsService,
    private readonly audit: AuditService,
  ) {}

  async publish(planner: SessionUser, id: string): Promise<AllocationDto> {
    const { timeZone } = await this.organisations.current();
    await poolTransaction(this.dataSource, async (manager) => {
      const row = await queryOne<AllocationRow>(
        manager,
        `select ${ALLOCATION_COLUMNS} from pool_allocation where id = $1 and organisation_id = $2 for update`,
        [id, planner.organisationId],
      );
      if (!row) throw new NotFoundException(`allocation ${id} does not exist`);
      if (row.published_at) return;
      if (row.status !== 'done')
        throw new ConflictException({
          message: `allocation ${id} is ${row.status}: only a finished allocation is published`,
          details: [{ field: 'status', reason: row.status }],
        });
      const published = await queryOne<{ id: string }>(
        manager,
        `select id from pool_allocation where organisation_id = $1 and published_at is not null and shift_ids && $2::uuid[] limit 1`,
        [planner.organisationId, row.shift_ids],
      );
      if (published)
        throw new ConflictException({
          message: `allocation ${published.id} already published a roster for some of these shifts`,
          details: [{ field: 'shiftIds', reason: 'already published' }],
        });
      const now = new Date();
      const shifts = new Map<string, PoolShiftRow>();
      for (const shiftId of [...row.shift_ids].sort()) {
        const shift = await loadShift(manager, planner.organisationId, shiftId, true);
        if (shift) shifts.set(shiftId, shift);
      }
      const assignments = [...(row.assignments ?? [])].sort(
        (a, b) =>
          (shifts.get(a.shiftId)?.starts_at.getTime() ?? 0) -
          (shifts.get(b.shiftId)?.starts_at.getTime() ?? 0),
      );
      for (const assignment of assignments) {
        const shift = shifts.get(assignment.shiftId);
        if (!shift || shift.cancelled_at)
          throw new ConflictException({
            message: `shift ${assignment.shiftId} was cancelled since the allocation ran: run it again`,
            details: [{ field: 'shiftIds', reason: 'shift cancelled' }],
          });
        try {
          await checkMemberRules(manager, shift, assignment.memberId, { timeZone, now, promotion: true });
        } catch (error) {
          if (!(error instanceof PoolRuleRefusal)) throw error;
          const sentence = (error.getResponse() as { message: string }).message;
          throw new ConflictException({
            message: `member ${assignment.memberId} on shift ${assignment.shiftId}: ${sentence} Run the allocation again.`,
            code: error.rule,
            details: [{ field: 'rule', reason: error.rule }],
          });
        }
        const confirmed = await queryRows<{ id: string }>(
          manager,
          `insert into pool_sign_up (shift_id, user_id, status) values ($1, $2, 'confirmed')
           on conflict (shift_id, user_id) do update
              set status = 'confirmed', updated_at = clock_timestamp(), sequence = pool_sign_up.sequence + 1
            where pool_sign_up.status <> 'confirmed'
           returning id`,
          [assignment.shiftId, assignment.memberId],
        );
        if (confirmed.length > 0)
          await manager.query(`update pool_shift set confirmed_count = confirmed_count + 1 where id = $1`, [
            assignment.shiftId,
          ]);
      }
      await manager.query(
        `update pool_sign_up set status = 'cancelled', sequence = sequence + 1, updated_at = clock_timestamp()
          where shift_id = any($1) and status = 'requested'`,
        [row.shift_ids],
      );
      const explanations = row.explanations ?? [];
      const told = [
        ...new Set([...assignments.map((a) => a.memberId), ...explanations.map((e) => e.memberId)]),
      ].sort();
      for (const memberId of told)
        await queueMessages(manager, [memberId], 'allocation-result', {
          allocationId: id,
          given: assignments.filter((a) => a.memberId === memberId).map((a) => a.shiftId),
          notGiven: explanations
            .filter((e) => e.memberId === memberId && (e.outcome === 'not-given' || e.outcome === 'removed'))
            .map((e) => ({ shiftId: e.shiftId, reason: e.reason })),
        });
      await manager.query(
        `update pool_allocation set published_at = clock_timestamp(), published_by = $2 where id = $1`,
        [id, planner.id],
      );
      await this.audit.record(
        {
          actor: planner,
          action: 'pool-allocation.published',
          entityType: 'pool-allocation',
          entityId: id,
          after: { assignments: assignments.length, told: told.length },
        },
        manager,
      );
    });
    return this.allocations.get(planner, id);
  }

  /** What I got in each published allocation, and for each want or can not given (or removed by a planner), why. */
  async mine(member: SessionUser): Promise<MyAllocationDto[]> {
    const { timeZone } = await this.organisations.current();
    const rows = await queryRows<AllocationRow>(
      this.dataSource,
      `select ${ALLOCATION_COLUMNS} from pool_allocation
        where organisation_id = $1 and published_at is not null
          and (assignments @> $2::jsonb or explanations @> $2::jsonb)
        order by published_at desc`,
      [member.organisationId, JSON.stringify([{ memberId: member.id }])],
    );
    const now = new Date();
    const shiftIds = [...new Set(rows.flatMap((row) => row.shift_ids))];
    const shifts = await queryRows<PoolShiftRow>(
      this.dataSource,
      `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id where s.id = any($1)`,
      [shiftIds],
    );
    const dto = new Map<string, PoolShiftDto>(
      shifts.map((shift) => [shift.id, toShiftDto(shift, timeZone, now)]),
    );
    const marks = await queryRows<{ shift_id: string; preference: 'want' | 'can' | null }>(
      this.dataSource,
      `select shift_id, preference from pool_sign_up where user_id = $1 and shift_id = any($2)`,
      [member.id, shiftIds],
    );
    const preferenceOf = new Map(marks.map((mark) => [mark.shift_id, mark.preference ?? 'want']));
    return rows.map((row) => ({
      allocationId: row.id,
      publishedAt: row.published_at!.toISOString(),
      given: (row.assignments ?? [])
        .filter((assignment) => assignment.memberId === member.id && dto.has(assignment.shiftId))
        .map((assignment) => dto.get(assignment.shiftId)!),
      notGiven: (row.explanations ?? [])
        .filter(
          (e) =>
            e.memberId === member.id &&
            (e.outcome === 'not-given' || e.outcome === 'removed') &&
            dto.has(e.shiftId),
        )
        .map((e) => ({
          shift: dto.get(e.shiftId)!,
          preference: preferenceOf.get(e.shiftId) ?? 'want',
          reason: e.reason,
        })),
    }));
  }
}
