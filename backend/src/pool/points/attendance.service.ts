import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type {
  AttendanceDto,
  MarkAttendanceRequest,
  PointsWeights,
  ShiftAttendanceDto,
} from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { AuditService } from '../../audit/audit.service';
import { EventsService } from '../../events/events.service';
import { OrganisationsService } from '../../organisations/organisations.service';
import { PlanCoverageService } from '../plan-coverage.service';
import { shiftNotFound } from '../pool-refusal';
import { loadShift, type PoolShiftRow } from '../pool-shift.row';
import { inZone, paidHours } from '../pool-time';
import { factorText, hardnessShares, shiftCriticality, shiftPoints, type ShiftBasis } from './points-formula';
import { toPointLineDto, writePointLine, type PointLineRow } from './points-ledger';
import { PointsWeightsService } from './points-weights.service';
import { queryOne, queryRows } from '../../database/query-rows';

/** A withdrawal this close before the shift's start is late (it costs the reliability part of the peak). */
export const LATE_WITHDRAWAL_HOURS = 48;

/**
 * Attendance after a shift: the planner (or an admin) or the member's own department manager marks a
 * confirmed member worked or no-show, and the shift's point lines follow in the same transaction.
 * Marking again rewrites the same two lines (their source keys), so it never counts twice.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly events: EventsService,
    private readonly coverage: PlanCoverageService,
    private readonly weights: PointsWeightsService,
    private readonly audit: AuditService,
  ) {}

  /** The shift's confirmed members with their marks: a manager sees their own department's only. */
  async list(viewer: SessionUser, shiftId: string): Promise<ShiftAttendanceDto[]> {
    const shift = await loadShift(this.dataSource.manager, viewer.organisationId, shiftId);
    if (!shift) throw shiftNotFound(shiftId);
    const seesAll = viewer.roles.includes('planner') || viewer.roles.includes('admin');
    const rows = await queryRows<{
      user_id: string;
      name: string;
      department: string | null;
      status: 'worked' | 'no-show' | null;
      rating: number | null;
    }>(
      this.dataSource,
      `select su.user_id, u.name, d.name as department, a.status, a.rating
         from pool_sign_up su join app_user u on u.id = su.user_id left join department d on d.id = u.department_id
         left join pool_attendance a on a.shift_id = su.shift_id and a.user_id = su.user_id
        where su.shift_id = $1 and su.status = 'confirmed' and ($2::boolean or u.department_id = $3::uuid)
        order by u.name, u.id`,
      [shiftId, seesAll, viewer.departmentId],
    );
    return rows.map((row) => ({
      memberId: row.user_id,
      name: row.name,
      department: row.department,
      status: row.status,
      rating: row.rating,
    }));
  }

  async mark(
    viewer: SessionUser,
    shiftId: string,
    memberId: string,
    request: MarkAttendanceRequest,
  ): Promise<AttendanceDto> {
    const rating = request.rating ?? null;
    if (rating !== null && request.status !== 'worked')
      throw new BadRequestException({
        message: 'rating: only a worked shift can be rated',
        details: [{ field: 'rating', reason: 'only with status worked' }],
      });
    // Everything read outside the transaction first: the embedded database has one connection.
    const { timeZone } = await this.organisations.current();
    const shift = await loadShift(this.dataSource.manager, viewer.organisationId, shiftId);
    if (!shift) throw shiftNotFound(shiftId);
    if (shift.cancelled_at) throw new ConflictException(`pool shift ${shiftId} was cancelled`);
    if (shift.ends_at > new Date())
      throw new ConflictException({
        message: 'Attendance can be marked once the shift has ended.',
        code: 'shift-not-ended',
        details: [{ field: 'shiftId', reason: 'shift not ended yet' }],
      });
    const weights = await this.weights.get(viewer.organisationId);
    const critical = await this.criticalityOf(viewer, shift);
    const firstDay = inZone(timeZone, shift.starts_at).toISODate()!;
    const lastDay = inZone(timeZone, shift.ends_at).toISODate()!;
    const eventDates = new Set((await this.events.occurrences(firstDay, lastDay)).map((event) => event.date));
    const shares = hardnessShares(shift.starts_at.getTime(), shift.ends_at.getTime(), timeZone, eventDates);

    return this.dataSource.transaction(async (manager) => {
      const member = await queryOne<{ department_id: string | null }>(
        manager,
        `select u.department_id from pool_sign_up su join app_user u on u.id = su.user_id
          where su.shift_id = $1 and su.user_id = $2 and su.status = 'confirmed' and u.organisation_id = $3
          for update of su`,
        [shiftId, memberId, viewer.organisationId],
      );
      const seesAll = viewer.roles.includes('planner') || viewer.roles.includes('admin');
      if (!member || (!seesAll && member.department_id !== viewer.departmentId))
        throw new NotFoundException(
          `member ${memberId} held no place on pool shift ${shiftId} that you may mark`,
        );
      const before = await queryOne<{ status: string; rating: number | null }>(
        manager,
        `select status, rating from pool_attendance where shift_id = $1 and user_id = $2`,
        [shiftId, memberId],
      );
      await manager.query(
        `insert into pool_attendance (shift_id, user_id, status, rating, marked_by) values ($1, $2, $3, $4, $5)
         on conflict (shift_id, user_id) do update
            set status = excluded.status, rating = excluded.rating, marked_by = excluded.marked_by, marked_at = now()`,
        [shiftId, memberId, request.status, rating, viewer.id],
      );
      const basis: ShiftBasis = {
        worked: request.status === 'worked',
        paidHours: paidHours(shift.starts_at, shift.ends_at, shift.break_minutes),
        criticality: critical,
        ...shares,
        trainingCurrent: await this.trainingCurrent(manager, shift, memberId, firstDay),
        reliable: await this.reliable(manager, shift, memberId),
        rating,
      };
      await this.writeLines(manager, viewer, shift, memberId, basis, weights, timeZone);
      await this.audit.record(
        {
          actor: viewer,
          action: 'pool-attendance.marked',
          entityType: 'pool-shift',
          entityId: shiftId,
          before: before ?? null,
          after: { memberId, status: request.status, rating },
        },
        manager,
      );
      const lines = await queryRows<PointLineRow>(
        manager,
        `select at, points, reason, kind, peak from pool_point_line
          where source_key like $1 order by kind desc`,
        [`attendance:${shiftId}:${memberId}:%`],
      );
      return {
        shiftId,
        memberId,
        status: request.status,
        rating,
        lines: lines.map(toPointLineDto),
      };
    });
  }

  private async writeLines(
    manager: EntityManager,
    viewer: SessionUser,
    shift: PoolShiftRow,
    memberId: string,
    basis: ShiftBasis,
    weights: PointsWeights,
    timeZone: string,
  ): Promise<void> {
    const points = shiftPoints(basis, weights);
    const when = `${shift.skill} on ${inZone(timeZone, shift.starts_at).toFormat('ccc d LLL HH:mm')}–${inZone(timeZone, shift.ends_at).toFormat('HH:mm')}`;
    const common = {
      organisationId: viewer.organisationId,
      userId: memberId,
      peak: shift.peak,
      at: shift.ends_at,
      shiftId: shift.id,
      basis,
      createdBy: viewer.id,
    };
    const hard = [
      basis.eveningShare > 0 ? 'evening' : null,
      basis.weekendShare > 0 ? 'weekend' : null,
      basis.eventDayShare > 0 ? 'event day' : null,
    ].filter((part) => part !== null);
    await writePointLine(manager, {
      ...common,
      kind: 'shift',
      points: points.shift,
      reason: basis.worked
        ? `Worked ${when}: ${round(basis.paidHours)} h × ${weights.pointsPerHour} × ${factorText(points.criticalFactor)} (how critical) × ${factorText(points.hardnessFactor)} (${hard.length > 0 ? hard.join(', ') : 'ordinary hours'})`
        : `No-show on ${when}: no points for the shift`,
      sourceKey: `attendance:${shift.id}:${memberId}:shift`,
    });
    const parts = basis.worked
      ? [
          basis.trainingCurrent ? `training current +${weights.trainingCurrent}` : 'training not current +0',
          basis.reliable
            ? `no no-show or late withdrawal this peak +${weights.reliable}`
            : 'a no-show or late withdrawal this peak +0',
          ...(basis.rating !== null
            ? [`rated ${basis.rating}/5 +${weights.ratingPerStar * basis.rating}`]
            : []),
        ]
      : ['no-show: no quality points'];
    await writePointLine(manager, {
      ...common,
      kind: 'quality',
      points: points.quality,
      reason: `Quality, ${when}: ${parts.join('; ')}`,
      sourceKey: `attendance:${shift.id}:${memberId}:quality`,
    });
  }

  /** See {@link criticality}: from the plan's coverage when the shift was published from a plan. */
  private async criticalityOf(viewer: SessionUser, shift: PoolShiftRow): Promise<number> {
    if (!shift.staffing_plan_id) return 1;
    let intervals;
    try {
      intervals = (await this.coverage.coverage(viewer, shift.staffing_plan_id)).intervals;
    } catch (error) {
      if (error instanceof NotFoundException) return 1;
      throw error;
    }
    return shiftCriticality(intervals, {
      skill: shift.skill,
      startsAt: shift.starts_at.getTime(),
      endsAt: shift.ends_at.getTime(),
    });
  }

  private async trainingCurrent(
    manager: EntityManager,
    shift: PoolShiftRow,
    memberId: string,
    day: string,
  ): Promise<boolean> {
    const row = await queryOne<object>(
      manager,
      `select 1 from pool_member_skill where user_id = $1 and queue_id = $2 and trained_on <= $3::date
          and (training_expires_on is null or training_expires_on > $3::date)`,
      [memberId, shift.queue_id, day],
    );
    return row !== undefined;
  }

  /**
   * No no-show and no late withdrawal by the member in the same peak (shifts without a peak: the
   * same calendar year) before this shift's end.
   */
  private async reliable(manager: EntityManager, shift: PoolShiftRow, memberId: string): Promise<boolean> {
    const row = await queryOne<object>(
      manager,
      `select 1 from pool_shift s
        where s.organisation_id = $3 and s.ends_at <= $4
          and coalesce(s.peak, to_char(s.starts_at, 'YYYY')) = coalesce($5::text, to_char($6::timestamptz, 'YYYY'))
          and (exists (select 1 from pool_attendance a where a.shift_id = s.id and a.user_id = $1 and a.status = 'no-show' and s.id <> $2)
               or exists (select 1 from pool_sign_up su where su.shift_id = s.id and su.user_id = $1 and su.status = 'withdrawn'
                            and su.updated_at > s.starts_at - make_interval(hours => $7)))
        limit 1`,
      [
        memberId,
        shift.id,
        shift.organisation_id,
        shift.ends_at,
        shift.peak,
        shift.starts_at,
        LATE_WITHDRAWAL_HOURS,
      ],
    );
    return row === undefined;
  }
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
