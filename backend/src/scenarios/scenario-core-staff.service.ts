import type { Readable } from 'node:stream';

import { BadRequestException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type {
  CoreStaffQueueSummary,
  ScenarioCoreStaffChange,
  ScenarioCoreStaffDto,
} from '@peakplan/contracts';
import { ZoneClock } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  CoreStaffFileError,
  CoreStaffRowReader,
  type CoreStaffQueue,
  type CoreStaffRow,
} from './core-staff-csv';
import { readCoreStaffCsv, type ReadCoreStaff } from './core-staff-upload';
import { ScenariosService } from './scenarios.service';
import { queryRows } from '../database/query-rows';

/** Rows per statement (arrays through unnest: one round trip, one plan). */
const WRITE_BATCH = 5000;

interface StoredRow {
  queue_id: string;
  start_ms: string;
  agents: number;
}

/**
 * Core staff uploaded per queue and interval for a scenario. An upload replaces what the scenario held
 * (in one transaction, writing only the difference, so the same file twice changes nothing), a bad row
 * refuses the whole file, and every change goes to the scenario's audit trail.
 */
@Injectable()
export class ScenarioCoreStaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
    private readonly audit: AuditService,
  ) {}

  async upload(scenarioId: string, input: Readable, user: SessionUser): Promise<ScenarioCoreStaffChange> {
    const organisation = await this.organisations.current();
    const scenario = await this.scenarios.get(scenarioId, undefined, organisation.id);
    const queues = await this.queuesOf(scenario.forecastRunIds);
    const plannedIds = new Set(queues.map((queue) => queue.id));
    const others = await queryRows<{ id: string; name: string }>(
      this.dataSource,
      `select id, name from queue where organisation_id = $1`,
      [organisation.id],
    );
    const otherNames = new Set(
      others.filter((queue) => !plannedIds.has(queue.id)).map((queue) => queue.name.toLowerCase()),
    );
    const clock = new ZoneClock(organisation.timeZone);
    let read: ReadCoreStaff;
    try {
      read = await readCoreStaffCsv(
        input,
        (header) => new CoreStaffRowReader(header, queues, otherNames, scenario, clock),
      );
    } catch (error) {
      if (!(error instanceof CoreStaffFileError)) throw error;
      const body = { message: error.message, details: error.details };
      throw error.tooLarge ? new PayloadTooLargeException(body) : new BadRequestException(body);
    }
    if (read.badRows > 0) {
      const [first] = read.problems.sort((a, b) => a.row - b.row);
      throw new BadRequestException({
        message: `${read.badRows} row(s) are invalid, nothing was changed (first: row ${first.row}, ${first.field} ${first.reason})`,
        details: read.problems,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      await this.lockScenario(manager, scenarioId);
      const stored = await this.storedRows(manager, scenarioId);
      const before = this.summaryOf(scenarioId, stored, queues, clock);
      const wanted = new Map(read.rows.map((row) => [`${row.queueId}|${row.startMs}`, row]));
      const upserts: CoreStaffRow[] = [];
      const deletes: { queueId: string; startMs: number }[] = [];
      let updated = 0;
      for (const row of stored) {
        const key = `${row.queue_id}|${row.start_ms}`;
        const next = wanted.get(key);
        if (!next) deletes.push({ queueId: row.queue_id, startMs: Number(row.start_ms) });
        else if (next.agents !== row.agents) {
          upserts.push(next);
          updated++;
        }
        wanted.delete(key);
      }
      const inserted = wanted.size;
      upserts.push(...wanted.values());
      for (let offset = 0; offset < deletes.length; offset += WRITE_BATCH) {
        const batch = deletes.slice(offset, offset + WRITE_BATCH);
        await manager.query(
          `delete from scenario_core_staff c using unnest($2::uuid[], $3::float8[]) as d(queue_id, start_ms)
            where c.scenario_id = $1 and c.queue_id = d.queue_id and c.interval_start = to_timestamp(d.start_ms / 1000)`,
          [scenarioId, batch.map((row) => row.queueId), batch.map((row) => row.startMs)],
        );
      }
      for (let offset = 0; offset < upserts.length; offset += WRITE_BATCH) {
        const batch = upserts.slice(offset, offset + WRITE_BATCH);
        await manager.query(
          `insert into scenario_core_staff (scenario_id, queue_id, interval_start, agents)
           select $1, u.queue_id, to_timestamp(u.start_ms / 1000), u.agents
             from unnest($2::uuid[], $3::float8[], $4::int[]) as u(queue_id, start_ms, agents)
           on conflict (scenario_id, queue_id, interval_start) do update set agents = excluded.agents`,
          [
            scenarioId,
            batch.map((row) => row.queueId),
            batch.map((row) => row.startMs),
            batch.map((row) => row.agents),
          ],
        );
      }
      const after = this.summaryOf(
        scenarioId,
        read.rows.map((row) => ({
          queue_id: row.queueId,
          start_ms: String(row.startMs),
          agents: row.agents,
        })),
        queues,
        clock,
      );
      const change: ScenarioCoreStaffChange = {
        ...after,
        inserted,
        updated,
        deleted: deletes.length,
        unchanged: read.rows.length - inserted - updated,
      };
      // Only a change goes to the trail: uploading the same file again leaves everything as it was.
      if (inserted + updated + deletes.length > 0) {
        await manager.query(`update scenario set updated_at = now() where id = $1`, [scenarioId]);
        await this.audit.record(
          {
            actor: user,
            action: 'scenario.core-staff-uploaded',
            entityType: 'scenario',
            entityId: scenarioId,
            before,
            after: { ...change },
          },
          manager,
        );
      }
      return change;
    });
  }

  /** What is stored: per queue summaries, and every interval unless `withRows` is false. */
  async get(scenarioId: string, withRows = true): Promise<ScenarioCoreStaffDto> {
    const organisation = await this.organisations.current();
    const scenario = await this.scenarios.get(scenarioId, undefined, organisation.id);
    const queues = await this.queuesOf(scenario.forecastRunIds);
    const stored = await this.storedRows(this.dataSource.manager, scenarioId);
    const clock = new ZoneClock(organisation.timeZone);
    const summary = this.summaryOf(scenarioId, stored, queues, clock);
    if (!withRows) return summary;
    const names = new Map(queues.map((queue) => [queue.id, queue.name]));
    const rows = stored.map((row) => ({
      queue: names.get(row.queue_id) ?? row.queue_id,
      start: clock.iso(Number(row.start_ms)),
      agents: row.agents,
    }));
    rows.sort((a, b) => (a.queue === b.queue ? 0 : a.queue < b.queue ? -1 : 1));
    return { ...summary, rows };
  }

  /** The stored intervals as the CSV an upload takes, so a download can be edited and uploaded again. */
  async getCsv(scenarioId: string): Promise<string> {
    const { rows = [] } = await this.get(scenarioId);
    const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    return ['queue,start,agents', ...rows.map((row) => `${quote(row.queue)},${row.start},${row.agents}`)]
      .join('\n')
      .concat('\n');
  }

  async clear(scenarioId: string, user: SessionUser): Promise<ScenarioCoreStaffChange> {
    const organisation = await this.organisations.current();
    const scenario = await this.scenarios.get(scenarioId, undefined, organisation.id);
    const queues = await this.queuesOf(scenario.forecastRunIds);
    const clock = new ZoneClock(organisation.timeZone);
    return this.dataSource.transaction(async (manager) => {
      await this.lockScenario(manager, scenarioId);
      const before = this.summaryOf(scenarioId, await this.storedRows(manager, scenarioId), queues, clock);
      await manager.query(`delete from scenario_core_staff where scenario_id = $1`, [scenarioId]);
      const change: ScenarioCoreStaffChange = {
        scenarioId,
        intervals: 0,
        queues: [],
        inserted: 0,
        updated: 0,
        deleted: before.intervals,
        unchanged: 0,
      };
      if (before.intervals > 0) {
        await manager.query(`update scenario set updated_at = now() where id = $1`, [scenarioId]);
        await this.audit.record(
          {
            actor: user,
            action: 'scenario.core-staff-cleared',
            entityType: 'scenario',
            entityId: scenarioId,
            before,
            after: { ...change },
          },
          manager,
        );
      }
      return change;
    });
  }

  /** The scenario's queues with the interval length of their forecast run (what the upload must align to). */
  private queuesOf(forecastRunIds: string[]): Promise<CoreStaffQueue[]> {
    return queryRows<CoreStaffQueue>(
      this.dataSource,
      `select q.id, q.name, r.interval_minutes as "intervalMinutes"
         from forecast_run r join queue q on q.id = r.queue_id
        where r.id = any($1::uuid[]) order by q.name`,
      [forecastRunIds],
    );
  }

  /** Serialises uploads and clears of one scenario (two at once would mix their rows). */
  private async lockScenario(manager: EntityManager, scenarioId: string): Promise<void> {
    await manager.query(`select id from scenario where id = $1 for update`, [scenarioId]);
  }

  private storedRows(manager: EntityManager, scenarioId: string): Promise<StoredRow[]> {
    return queryRows<StoredRow>(
      manager,
      `select queue_id, (extract(epoch from interval_start) * 1000)::bigint::text as start_ms, agents
         from scenario_core_staff where scenario_id = $1 order by queue_id, interval_start`,
      [scenarioId],
    );
  }

  private summaryOf(
    scenarioId: string,
    rows: readonly StoredRow[],
    queues: readonly CoreStaffQueue[],
    clock: ZoneClock,
  ): ScenarioCoreStaffDto {
    const summaries: CoreStaffQueueSummary[] = [];
    for (const queue of queues) {
      let intervals = 0;
      let agents = 0;
      let first = Infinity;
      let last = -Infinity;
      for (const row of rows) {
        if (row.queue_id !== queue.id) continue;
        const startMs = Number(row.start_ms);
        intervals++;
        agents += row.agents;
        first = Math.min(first, startMs);
        last = Math.max(last, startMs);
      }
      if (intervals === 0) continue;
      summaries.push({
        queue: queue.name,
        intervals,
        firstStart: clock.iso(first),
        lastStart: clock.iso(last),
        agentHours: Math.round(((agents * queue.intervalMinutes) / 60) * 100) / 100,
      });
    }
    return {
      scenarioId,
      intervals: summaries.reduce((sum, queue) => sum + queue.intervals, 0),
      queues: summaries,
    };
  }
}
