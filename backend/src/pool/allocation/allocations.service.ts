import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type {
  AllocationAssignmentDto,
  AllocationDto,
  AllocationExplanationDto,
  AllocationPin,
  AllocationStartedDto,
} from '@peakplan/contracts';
import { allocateRoster, defaultShiftSolver } from '@peakplan/forecasting';

import type { SessionUser } from '../../auth/access.decorators';
import { OrganisationsService } from '../../organisations/organisations.service';
import { ScenariosService } from '../../scenarios/scenarios.service';
import { RunsOnJobQueue } from '../../jobs/queue/runs-on-job-queue.decorator';
import { loadAllocationInput } from './allocation-input';
import { ALLOCATION_COLUMNS, toAllocationDto, type AllocationRow } from './allocation.row';
import { queryOne, queryRows } from '../../database/query-rows';

/** For all stages of the lexicographic solve; a stage out of time keeps the best roster found so far. */
export const ALLOCATION_TIME_LIMIT_SECONDS = 60;
export const STAGE_RELATIVE_GAP = 1e-3;

/**
 * Allocation runs: a planner (or the window-close job) starts one for a set of preference shifts; it
 * runs in the background ({@link runAllocation}, one method so a job queue can call it later) and is
 * read back with its roster, objective, explanations and the changes against the run before.
 */
@Injectable()
export class AllocationsService {
  private readonly logger = new Logger('allocation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
  ) {}

  /** Checks the shifts, stores the run as `running` and starts it after this answer. */
  async start(planner: SessionUser, shiftIds: readonly string[]): Promise<AllocationStartedDto> {
    const ids = [...new Set(shiftIds)].sort();
    await this.checkShifts(planner.organisationId, ids);
    const previous = await queryOne<{ id: string }>(
      this.dataSource,
      `select id from pool_allocation where organisation_id = $1 and status = 'done' and shift_ids = $2::uuid[]
        order by created_at desc, id desc limit 1`,
      [planner.organisationId, ids],
    );
    return this.create(planner.organisationId, ids, [], previous?.id ?? null, 'planner', planner.id, true);
  }

  /**
   * Re-runs an allocation with the planner's pins (the whole list): a new run over the same shifts
   * that compares with this one. The same pins on the same run again give back that re-run.
   */
  async setPins(
    planner: SessionUser,
    id: string,
    pins: readonly AllocationPin[],
  ): Promise<AllocationStartedDto> {
    const from = await this.row(planner.organisationId, id);
    const unknown = pins.find((pin) => !from.shift_ids.includes(pin.shiftId));
    if (unknown)
      throw new BadRequestException({
        message: `pins: shift ${unknown.shiftId} is not in allocation ${id}`,
        details: [{ field: 'pins', reason: 'shift not in the allocation' }],
      });
    const pairs = new Set<string>();
    for (const pin of pins) {
      const key = `${pin.shiftId}|${pin.memberId}`;
      if (pairs.has(key))
        throw new BadRequestException({
          message: `pins: member ${pin.memberId} is pinned twice on shift ${pin.shiftId}`,
          details: [{ field: 'pins', reason: 'one pin per member and shift' }],
        });
      pairs.add(key);
    }
    const sorted = [...pins].sort((a, b) =>
      a.shiftId === b.shiftId ? (a.memberId < b.memberId ? -1 : 1) : a.shiftId < b.shiftId ? -1 : 1,
    );
    const [members] = await queryRows<{ count: number }>(
      this.dataSource,
      `select count(*)::int as count from app_user where id = any($1) and organisation_id = $2`,
      [[...new Set(sorted.map((pin) => pin.memberId))], planner.organisationId],
    );
    if (members.count !== new Set(sorted.map((pin) => pin.memberId)).size)
      throw new BadRequestException({
        message: 'pins: a memberId is not a person of this organisation',
        details: [{ field: 'pins', reason: 'unknown member' }],
      });
    const again = await queryOne<{ id: string; status: AllocationStartedDto['status'] }>(
      this.dataSource,
      `select id, status from pool_allocation where previous_id = $1 and pins = $2::jsonb order by created_at desc limit 1`,
      [id, JSON.stringify(sorted)],
    );
    if (again) return { id: again.id, status: again.status, previousId: id };
    return this.create(planner.organisationId, from.shift_ids, sorted, id, 'planner', planner.id, true);
  }

  async get(viewer: SessionUser, id: string): Promise<AllocationDto> {
    const row = await this.row(viewer.organisationId, id);
    const previous = row.previous_id
      ? await this.row(viewer.organisationId, row.previous_id).catch(() => null)
      : null;
    return toAllocationDto(row, previous);
  }

  /** Stores a run; `background`: start it once this call returns (else the caller runs it). */
  async create(
    organisationId: string,
    shiftIds: readonly string[],
    pins: readonly AllocationPin[],
    previousId: string | null,
    trigger: 'planner' | 'window-close',
    createdBy: string | null,
    background: boolean,
  ): Promise<AllocationStartedDto> {
    const [row] = await queryRows<{ id: string }>(
      this.dataSource,
      `insert into pool_allocation (organisation_id, status, shift_ids, pins, previous_id, trigger, created_by)
       values ($1, 'running', $2::uuid[], $3::jsonb, $4, $5, $6) returning id`,
      [organisationId, shiftIds, JSON.stringify(pins), previousId, trigger, createdBy],
    );
    if (background)
      setImmediate(() => {
        this.runAllocation(row.id).catch((error: unknown) =>
          this.logger.error(
            `allocation ${row.id}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      });
    return { id: row.id, status: 'running', previousId };
  }

  /**
   * Runs a stored allocation: reads the marks and rules, solves the roster and stores it with its
   * objective and explanations (`done`), or the error (`failed`). Only a `running` run is run, so
   * calling it twice does the work once. A job on the queue (callers that await it wait for the
   * outcome): any instance may run it, and a dead instance's run is retried by another.
   */
  @RunsOnJobQueue('roster-allocation', { wait: true })
  async runAllocation(allocationId: string): Promise<void> {
    const row = await queryOne<AllocationRow>(
      this.dataSource,
      `select ${ALLOCATION_COLUMNS} from pool_allocation where id = $1 and status = 'running'`,
      [allocationId],
    );
    if (!row) return;
    try {
      const { timeZone } = await this.organisations.current();
      const data = await loadAllocationInput(
        this.dataSource,
        this.scenarios,
        row.organisation_id,
        row.shift_ids,
        row.pins,
        timeZone,
        new Date(),
      );
      const roster = await allocateRoster(data.input, {
        solver: defaultShiftSolver,
        timeLimitSeconds: ALLOCATION_TIME_LIMIT_SECONDS,
        relativeGap: STAGE_RELATIVE_GAP,
      });
      const pair = (p: number) => ({
        shiftId: data.shifts[data.input.candidates[p].shift].id,
        memberId: data.memberIds[data.input.candidates[p].member],
      });
      const assignments: AllocationAssignmentDto[] = roster.given.map(pair);
      const explanations: AllocationExplanationDto[] = [
        ...roster.explanations.map((explanation) => ({
          ...pair(explanation.candidate),
          outcome: explanation.outcome,
          reason: explanation.reason,
        })),
        ...data.refusals.map((refusal) => ({
          memberId: refusal.memberId,
          shiftId: refusal.shiftId,
          outcome: 'not-given' as const,
          reason:
            refusal.pin === 'in' ? `Pinned, but a sign-up rule says no: ${refusal.reason}` : refusal.reason,
        })),
      ].sort((a, b) =>
        a.memberId === b.memberId ? (a.shiftId < b.shiftId ? -1 : 1) : a.memberId < b.memberId ? -1 : 1,
      );
      await this.dataSource.query(
        `update pool_allocation set status = 'done', finished_at = now(), assignments = $2::jsonb,
                objective = $3::jsonb, explanations = $4::jsonb where id = $1 and status = 'running'`,
        [
          allocationId,
          JSON.stringify(assignments),
          JSON.stringify({ ...roster.objective, stages: roster.stages }),
          JSON.stringify(explanations),
        ],
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `update pool_allocation set status = 'failed', finished_at = now(), error = $2 where id = $1 and status = 'running'`,
        [allocationId, message],
      );
      throw error;
    }
  }

  async row(organisationId: string, id: string): Promise<AllocationRow> {
    const row = await queryOne<AllocationRow>(
      this.dataSource,
      `select ${ALLOCATION_COLUMNS} from pool_allocation where id = $1 and organisation_id = $2`,
      [id, organisationId],
    );
    if (!row) throw new NotFoundException(`allocation ${id} does not exist`);
    return row;
  }

  /** Every shift exists here, is allocated by preference, and is neither cancelled nor begun. */
  private async checkShifts(organisationId: string, ids: readonly string[]): Promise<void> {
    const rows = await queryRows<{
      id: string;
      allocation: string;
      cancelled_at: Date | null;
      starts_at: Date;
    }>(
      this.dataSource,
      `select id, allocation, cancelled_at, starts_at from pool_shift where id = any($1) and organisation_id = $2`,
      [ids, organisationId],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.find((id) => !found.has(id));
    if (missing)
      throw new NotFoundException({
        message: `shiftIds: pool shift ${missing} does not exist`,
        details: [{ field: 'shiftIds', reason: 'not found' }],
      });
    const now = new Date();
    for (const id of ids) {
      const row = found.get(id)!;
      const reason =
        row.allocation !== 'preference'
          ? 'is first come, first served'
          : row.cancelled_at
            ? 'is cancelled'
            : row.starts_at <= now
              ? 'has begun'
              : null;
      if (reason)
        throw new ConflictException({
          message: `shiftIds: shift ${id} ${reason}; only preference shifts still to come are allocated`,
          details: [{ field: 'shiftIds', reason }],
        });
    }
  }
}
