import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { computeScenario } from '@peakplan/forecasting';

import type {
  AuditEventDto,
  CreateScenarioRequest,
  ScenarioAdjustments,
  ScenarioComparison,
  ScenarioDto,
  ScenarioInputsDto,
  ScenarioQueueInputDto,
  ScenarioResult,
  UpdateScenarioRequest,
} from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/unique-violation';
import { OrganisationsService } from '../organisations/organisations.service';
import { queryOne, queryRows } from '../database/query-rows';
import {
  checkAdjustments,
  checkCoreStaffQueues,
  checkEventUplift,
  refuseProblems,
} from './scenario-adjustment-checks';
import { ScenarioInputsService } from './scenario-inputs.service';

interface ScenarioRow {
  id: string;
  name: string;
  forecast_run_ids: string[];
  period_from: string;
  period_to: string;
  adjustments: ScenarioAdjustments;
  is_plan: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, forecast_run_ids, to_char(period_from, 'YYYY-MM-DD') as period_from,
  to_char(period_to, 'YYYY-MM-DD') as period_to, adjustments, is_plan, created_by, created_at, updated_at`;

function toDto(row: ScenarioRow): ScenarioDto {
  return {
    id: row.id,
    name: row.name,
    forecastRunIds: row.forecast_run_ids,
    from: row.period_from,
    to: row.period_to,
    adjustments: row.adjustments,
    isPlan: row.is_plan,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Scenarios: CRUD with every change in the audit trail, and the computation on the stored forecasts. */
@Injectable()
export class ScenariosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly inputs: ScenarioInputsService,
  ) {}

  async list(): Promise<ScenarioDto[]> {
    const organisation = await this.organisations.current();
    const rows = await queryRows<ScenarioRow>(
      this.dataSource,
      `select ${COLUMNS} from scenario where organisation_id = $1 order by created_at`,
      [organisation.id],
    );
    return rows.map(toDto);
  }

  /**
   * One scenario. Inside a transaction pass its manager and the organisation id: embedded PostgreSQL
   * serves one transaction at a time, so a second connection's query would wait for ever.
   */
  async get(id: string, manager?: EntityManager, organisationId?: string): Promise<ScenarioDto> {
    const organisation = organisationId ?? (await this.organisations.current()).id;
    const row = await queryOne<ScenarioRow>(
      manager ?? this.dataSource.manager,
      `select ${COLUMNS} from scenario where id = $1 and organisation_id = $2`,
      [id, organisation],
    );
    if (!row) throw new NotFoundException(`scenario ${id} does not exist`);
    return toDto(row);
  }

  /** @param coreStaffFrom a scenario whose uploaded core staff the new one starts with (a copy) */
  async create(
    request: CreateScenarioRequest,
    user: SessionUser,
    coreStaffFrom?: string,
  ): Promise<ScenarioDto> {
    checkAdjustments(request.adjustments);
    // PostgreSQL reads a uuid in either case, JavaScript compares strings: one spelling for both.
    const forecastRunIds = request.forecastRunIds.map((id) => id.toLowerCase());
    const organisation = await this.organisations.current();
    const runs = await queryRows<{
      id: string;
      queue_id: string;
      status: string;
      forecast_from: string;
      forecast_to: string;
    }>(
      this.dataSource,
      `select r.id, r.queue_id, r.status, to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from,
                to_char(r.forecast_from + r.horizon_days - 1, 'YYYY-MM-DD') as forecast_to
           from forecast_run r join queue q on q.id = r.queue_id
          where r.id = any($1::uuid[]) and q.organisation_id = $2`,
      [forecastRunIds, organisation.id],
    );
    const problems = forecastRunIds.flatMap((id, index) => {
      // The same run twice used to count its queue twice: every contact, hour and cost doubled.
      const first = forecastRunIds.indexOf(id);
      if (first !== index)
        return [{ field: `forecastRunIds[${index}]`, reason: `the same run as forecastRunIds[${first}]` }];
      const run = runs.find((candidate) => candidate.id === id);
      if (!run) return [{ field: `forecastRunIds[${index}]`, reason: `forecast run ${id} does not exist` }];
      if (run.status !== 'completed')
        return [
          { field: `forecastRunIds[${index}]`, reason: `forecast run ${id} is ${run.status}, not completed` },
        ];
      if (runs.some((other) => other.id !== id && other.queue_id === run.queue_id))
        return [{ field: `forecastRunIds[${index}]`, reason: 'two runs of the same queue' }];
      return [];
    });
    refuseProblems(problems);
    const from =
      request.from ??
      runs
        .map((run) => run.forecast_from)
        .sort()
        .at(-1)!;
    const to = request.to ?? runs.map((run) => run.forecast_to).sort()[0];
    this.checkPeriod(from, to, runs);
    await checkCoreStaffQueues(this.dataSource.manager, forecastRunIds, request.adjustments);
    await checkEventUplift(this.dataSource.manager, organisation.id, request.adjustments);
    const organisationId = organisation.id;
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `insert into scenario (organisation_id, name, forecast_run_ids, period_from, period_to, adjustments, created_by)
           values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          organisation.id,
          request.name,
          forecastRunIds,
          from,
          to,
          JSON.stringify(request.adjustments ?? {}),
          user.email,
        ],
      ).catch((error: unknown) => this.nameTaken(error, request.name));
      const created = await this.get(id, manager, organisationId);
      await this.audit.record(
        { actor: user, action: 'scenario.created', entityType: 'scenario', entityId: id, after: created },
        manager,
      );
      if (coreStaffFrom !== undefined) await this.copyCoreStaff(manager, coreStaffFrom, id, user);
      return created;
    });
  }

  async update(id: string, request: UpdateScenarioRequest, user: SessionUser): Promise<ScenarioDto> {
    checkAdjustments(request.adjustments);
    const organisationId = (await this.organisations.current()).id;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager, organisationId);
      const from = request.from ?? before.from;
      const to = request.to ?? before.to;
      if (request.from !== undefined || request.to !== undefined) {
        const runs = await queryRows<{ id: string; forecast_from: string; forecast_to: string }>(
          manager,
          `select id, to_char(forecast_from, 'YYYY-MM-DD') as forecast_from,
                  to_char(forecast_from + horizon_days - 1, 'YYYY-MM-DD') as forecast_to
             from forecast_run where id = any($1::uuid[])`,
          [before.forecastRunIds],
        );
        this.checkPeriod(from, to, runs);
      }
      await checkCoreStaffQueues(manager, before.forecastRunIds, request.adjustments);
      await checkEventUplift(manager, organisationId, request.adjustments);
      await manager
        .query(
          `update scenario set name = $2, period_from = $3, period_to = $4, adjustments = $5, updated_at = now() where id = $1`,
          [
            id,
            request.name ?? before.name,
            from,
            to,
            JSON.stringify(request.adjustments ?? before.adjustments),
          ],
        )
        .catch((error: unknown) => this.nameTaken(error, request.name ?? before.name));
      const after = await this.get(id, manager, organisationId);
      await this.audit.record(
        { actor: user, action: 'scenario.updated', entityType: 'scenario', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  async copy(id: string, name: string, user: SessionUser): Promise<ScenarioDto> {
    const source = await this.get(id);
    return this.create(
      {
        name,
        forecastRunIds: source.forecastRunIds,
        from: source.from,
        to: source.to,
        adjustments: source.adjustments,
      },
      user,
      source.id,
    );
  }

  /** The copy starts with the source's uploaded core staff, in the transaction that creates it. */
  private async copyCoreStaff(
    manager: EntityManager,
    sourceId: string,
    copyId: string,
    user: SessionUser,
  ): Promise<void> {
    const [{ intervals }] = await queryRows<{ intervals: number }>(
      manager,
      `with copied as (
         insert into scenario_core_staff (scenario_id, queue_id, interval_start, agents)
         select $2, queue_id, interval_start, agents from scenario_core_staff where scenario_id = $1
         returning 1)
       select count(*)::int as intervals from copied`,
      [sourceId, copyId],
    );
    if (intervals > 0)
      await this.audit.record(
        {
          actor: user,
          action: 'scenario.core-staff-copied',
          entityType: 'scenario',
          entityId: copyId,
          after: { fromScenarioId: sourceId, intervals },
        },
        manager,
      );
  }

  /** Marks the scenario as the plan (and no other). */
  async markAsPlan(id: string, user: SessionUser): Promise<ScenarioDto> {
    const organisation = await this.organisations.current();
    const organisationId = organisation.id;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager, organisationId);
      await manager.query(
        `update scenario set is_plan = false where organisation_id = $1 and is_plan and id <> $2`,
        [organisation.id, id],
      );
      await manager.query(`update scenario set is_plan = true, updated_at = now() where id = $1`, [id]);
      const after = await this.get(id, manager, organisationId);
      await this.audit.record(
        {
          actor: user,
          action: 'scenario.marked-as-plan',
          entityType: 'scenario',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  async plan(): Promise<ScenarioDto | null> {
    const organisation = await this.organisations.current();
    const row = await queryOne<ScenarioRow>(
      this.dataSource,
      `select ${COLUMNS} from scenario where organisation_id = $1 and is_plan`,
      [organisation.id],
    );
    return row ? toDto(row) : null;
  }

  async history(id: string): Promise<AuditEventDto[]> {
    const scenario = await this.get(id);
    const organisation = await this.organisations.current();
    return this.audit.list(organisation.id, { entityType: 'scenario', entityId: scenario.id, limit: 200 });
  }

  /** `serviceLevelSteps`: each live interval also gets its service level per added pool agent (allocation). */
  async result(id: string, withIntervals = true, serviceLevelSteps = false): Promise<ScenarioResult> {
    const scenario = await this.get(id);
    const queues = await this.inputs.load(scenario);
    const result: ScenarioResult = computeScenario(scenario, queues, scenario.adjustments, {
      intervals: withIntervals,
      serviceLevelSteps,
    });
    result.warnings.push(...(await this.inputs.periodWarnings(scenario)));
    return result;
  }

  /**
   * What the dashboard recomputes the scenario on in the browser, with the same `computeScenario`:
   * its result with the saved adjustments, plus `warnings`, is what `result` answers.
   */
  async computationInputs(id: string): Promise<ScenarioInputsDto> {
    const scenario = await this.get(id);
    return {
      scenarioId: scenario.id,
      name: scenario.name,
      from: scenario.from,
      to: scenario.to,
      adjustments: scenario.adjustments,
      queues: await this.inputs.load(scenario),
      warnings: await this.inputs.periodWarnings(scenario),
    };
  }

  async compare(ids: readonly string[]): Promise<ScenarioComparison> {
    const scenarios: ScenarioResult[] = [];
    for (const id of ids) scenarios.push(await this.result(id, false));
    return { scenarios };
  }

  /** The forecast intervals of the scenario's period per queue, with queue settings and reason shares. */
  loadInputs(
    scenario: Pick<ScenarioDto, 'id' | 'forecastRunIds' | 'from' | 'to'>,
  ): Promise<ScenarioQueueInputDto[]> {
    return this.inputs.load(scenario);
  }

  private checkPeriod(
    from: string,
    to: string,
    runs: { forecast_from: string; forecast_to: string }[],
  ): void {
    const problems = [];
    if (from > to) problems.push({ field: 'from', reason: `must not be after to (${to})` });
    for (const run of runs) {
      if (from < run.forecast_from)
        problems.push({
          field: 'from',
          reason: `before the forecast of a run (starts ${run.forecast_from})`,
        });
      if (to > run.forecast_to)
        problems.push({ field: 'to', reason: `after the forecast of a run (ends ${run.forecast_to})` });
    }
    if (problems.length > 0)
      throw new BadRequestException({
        message: problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '),
        details: problems.slice(0, 2),
      });
  }

  private nameTaken(error: unknown, name: string): never {
    if (isUniqueViolation(error))
      throw new ConflictException({
        message: `a scenario named "${name}" exists already`,
        details: [{ field: 'name', reason: 'is taken' }],
      });
    throw error;
  }
}
