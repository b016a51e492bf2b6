import { randomUUID } from 'node:crypto';

import { BadRequestException, Injectable, NotFoundException, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  SHIFT_PLAN_SECONDS_PER_QUEUE,
  type CreateStaffingPlanRequest,
  type DraftShiftDto,
  type StaffingPlanDto,
  type StaffingPlanSummaryDto,
} from '@peakplan/contracts';
import { computeScenario, planShifts, stopWorkerSolver, ZoneClock } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { RunsOnJobQueue } from '../jobs/queue/runs-on-job-queue.decorator';
import { OrganisationsService } from '../organisations/organisations.service';
import { ScenariosService } from '../scenarios/scenarios.service';
import { SqlRunner, queryOne, queryRows } from '../database/query-rows';

/** A stored plan as read() selects it. */
interface PlanRow {
  id: string;
  scenario_id: string;
  scenario_name: string;
  status: StaffingPlanDto['status'];
  period_from: string;
  period_to: string;
  summary: { queues: StaffingPlanDto['queues'] };
  created_by: string | null;
  created_at: Date;
  time_zone: string;
}

/**
 * Staffing plans: the pool gap of a scenario (the plan, by default) per queue and interval becomes a
 * set of draft shifts through the staffing engine's set-covering model (HiGHS), solved as a job on
 * the queue (any instance) and stored in one transaction. The flexible-pool feature publishes draft shifts to pool members.
 */
@Injectable()
export class StaffingPlansService implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await stopWorkerSolver();
  }

  async create(request: CreateStaffingPlanRequest, user: SessionUser): Promise<StaffingPlanDto> {
    const scenario = request.scenarioId
      ? await this.scenarios.get(request.scenarioId)
      : await this.scenarios.plan();
    if (!scenario)
      throw new BadRequestException({
        message: 'no scenario is marked as the plan: mark one, or pass scenarioId',
        details: [{ field: 'scenarioId', reason: 'no plan scenario' }],
      });
    const from = request.from ?? scenario.from;
    const to = request.to ?? scenario.to;
    if (from < scenario.from || to > scenario.to || from > to)
      throw new BadRequestException({
        message: `from..to must lie within the scenario's period ${scenario.from}..${scenario.to}`,
        details: [
          { field: from < scenario.from || from > to ? 'from' : 'to', reason: 'outside the scenario period' },
        ],
      });
    // The solve (HiGHS, up to SHIFT_PLAN_SECONDS_PER_QUEUE per queue) runs as a job: on whichever instance takes it.
    return this.solveAndStore(randomUUID(), scenario.id, from, to, request.lengthsHours ?? [4, 6, 8], user);
  }

  /**
   * The plan's solve and store, as the `staffing-plan` job (one call queues it and waits for it). The
   * plan's id is chosen by the caller, so that a retried job stores the plan once.
   */
  @RunsOnJobQueue('staffing-plan', { wait: true })
  async solveAndStore(
    planId: string,
    scenarioId: string,
    from: string,
    to: string,
    lengthsHours: number[],
    user: SessionUser,
  ): Promise<StaffingPlanDto> {
    const stored = await queryOne<object>(this.dataSource, `select 1 from staffing_plan where id = $1`, [
      planId,
    ]);
    if (stored) return this.get(planId);
    const scenario = await this.scenarios.get(scenarioId);
    const { timeZone } = await this.organisations.current();
    // The whole scenario, then the plan's days, as the plan's coverage reads it: a deferred queue's work
    // may wait past a day's end, so computing only a one-day plan's day pushed all its email out of the
    // plan (no shifts), while the coverage showed the gap.
    const inputs = await this.scenarios.loadInputs(scenario);
    const result = computeScenario(scenario, inputs, scenario.adjustments, { intervals: true });
    // Starts are the zone clock's local ISO instants, so their first ten characters are the local date.
    const inPlan = (start: string) => start.slice(0, 10) >= from && start.slice(0, 10) <= to;
    const queueIds = new Map(inputs.map((input) => [input.name, input.queueId]));
    const shifts: Omit<DraftShiftDto, 'id'>[] = [];
    const queues: StaffingPlanDto['queues'] = [];
    for (const input of inputs) {
      const requirement = result
        .intervals!.filter((slot) => slot.queue === input.name && inPlan(slot.start))
        // The result's starts are the zone clock's ISO instants with their offset, which the engine reads.
        .map((slot) => ({ start: slot.start, required: slot.poolGap }));
      const gapHours =
        requirement.reduce((sum, slot) => sum + slot.required, 0) * (input.intervalMinutes / 60);
      if (gapHours === 0) {
        queues.push({
          queue: input.name,
          gapHours: 0,
          paidHours: 0,
          uncovered: 0,
          overCoverage: 0,
          solverGap: 0,
          solveSeconds: 0,
        });
        continue;
      }
      const plan = await planShifts(requirement, {
        intervalMinutes: input.intervalMinutes,
        lengthsHours,
        relativeGap: 0.02,
        timeLimitSeconds: SHIFT_PLAN_SECONDS_PER_QUEUE,
      });
      queues.push({
        queue: input.name,
        gapHours: Math.round(gapHours * 100) / 100,
        paidHours: plan.paidHours,
        uncovered: plan.uncovered,
        overCoverage: plan.overCoverage,
        solverGap: plan.gap,
        solveSeconds: plan.solveSeconds,
      });
      for (const shift of plan.shifts) shifts.push({ queue: input.name, ...shift });
    }
    const clock = new ZoneClock(timeZone);
    const local = (value: string | null) => (value === null ? null : clock.iso(Date.parse(value)));
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `insert into staffing_plan (id, scenario_id, period_from, period_to, summary, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
        [planId, scenario.id, from, to, JSON.stringify({ queues }), user.email],
      );
      if (shifts.length > 0)
        await manager.query(
          `insert into draft_shift (staffing_plan_id, queue_id, starts_at, ends_at, break_starts_at, break_ends_at, places, paid_hours)
           select $1, q, s, e, bs, be, c, h
             from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::int[], $8::float8[])
               as x(q, s, e, bs, be, c, h)`,
          [
            id,
            shifts.map((shift) => queueIds.get(shift.queue)),
            shifts.map((shift) => local(shift.start)),
            shifts.map((shift) => local(shift.end)),
            shifts.map((shift) => local(shift.breakStart)),
            shifts.map((shift) => local(shift.breakEnd)),
            shifts.map((shift) => shift.count),
            shifts.map((shift) => shift.paidHours),
          ],
        );
      await this.audit.record(
        {
          actor: user,
          action: 'staffing-plan.created',
          entityType: 'staffing-plan',
          entityId: id,
          after: { scenarioId: scenario.id, from, to, queues },
        },
        manager,
      );
      return this.read(id, manager);
    });
  }

  /** The organisation's plans, newest first, with how many draft shifts each has and how many are published. */
  async list(viewer: SessionUser): Promise<StaffingPlanSummaryDto[]> {
    const rows = await queryRows<{
      id: string;
      scenario_id: string;
      scenario_name: string;
      period_from: string;
      period_to: string;
      created_by: string | null;
      created_at: Date;
      draft_shifts: number;
      published_shifts: number;
    }>(
      this.dataSource,
      `select p.id, p.scenario_id, s.name as scenario_name, to_char(p.period_from, 'YYYY-MM-DD') as period_from,
              to_char(p.period_to, 'YYYY-MM-DD') as period_to, p.created_by, p.created_at,
              (select count(*)::int from draft_shift d where d.staffing_plan_id = p.id) as draft_shifts,
              (select count(*)::int from pool_shift ps where ps.staffing_plan_id = p.id and ps.cancelled_at is null)
                as published_shifts
         from staffing_plan p join scenario s on s.id = p.scenario_id
        where s.organisation_id = $1 order by p.created_at desc, p.id`,
      [viewer.organisationId],
    );
    return rows.map((row) => ({
      id: row.id,
      scenarioId: row.scenario_id,
      scenarioName: row.scenario_name,
      from: row.period_from,
      to: row.period_to,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
      draftShifts: row.draft_shifts,
      publishedShifts: row.published_shifts,
    }));
  }

  async get(id: string): Promise<StaffingPlanDto> {
    return this.read(id, this.dataSource.manager);
  }

  private async read(id: string, manager: SqlRunner): Promise<StaffingPlanDto> {
    const plan = await queryOne<PlanRow>(
      manager,
      `select p.id, p.scenario_id, s.name as scenario_name, p.status, to_char(p.period_from, 'YYYY-MM-DD') as period_from,
              to_char(p.period_to, 'YYYY-MM-DD') as period_to, p.summary, p.created_by, p.created_at,
              (select time_zone from organisation where id = s.organisation_id) as time_zone
         from staffing_plan p join scenario s on s.id = p.scenario_id where p.id = $1`,
      [id],
    );
    if (!plan) throw new NotFoundException(`staffing plan ${id} does not exist`);
    const rows = await queryRows<{
      id: string;
      queue: string;
      starts_at: Date;
      ends_at: Date;
      break_starts_at: Date | null;
      break_ends_at: Date | null;
      places: number;
      paid_hours: number;
    }>(
      manager,
      `select d.id, q.name as queue, d.starts_at, d.ends_at, d.break_starts_at, d.break_ends_at, d.places, d.paid_hours
           from draft_shift d join queue q on q.id = d.queue_id where d.staffing_plan_id = $1 order by d.starts_at, q.name`,
      [id],
    );
    const clock = new ZoneClock(plan.time_zone);
    const iso = (value: Date | null) => (value === null ? null : clock.iso(new Date(value).getTime()));
    return {
      id: plan.id,
      scenarioId: plan.scenario_id,
      scenarioName: plan.scenario_name,
      status: plan.status,
      from: plan.period_from,
      to: plan.period_to,
      createdBy: plan.created_by,
      createdAt: new Date(plan.created_at).toISOString(),
      queues: plan.summary.queues,
      shifts: rows.map((row) => ({
        id: row.id,
        queue: row.queue,
        start: iso(row.starts_at)!,
        end: iso(row.ends_at)!,
        breakStart: iso(row.break_starts_at),
        breakEnd: iso(row.break_ends_at),
        count: row.places,
        paidHours: row.paid_hours,
      })),
    };
  }
}
