import { hash } from '@node-rs/argon2';
import { addDays, eventPresets, type IsoDate } from '@peakplan/forecasting';
import { DEMO_QUEUES, DEMO_SEED, generateDemoHistory } from '@peakplan/forecasting/demo';
import { DataSource, EntityManager } from 'typeorm';

import { DEMO_DEPARTMENTS, DEMO_PASSWORD, demoAccounts } from './demo-accounts';
import { insertDemoPoints } from './demo-points';
import { insertDemoPool } from './demo-pool';
import { insertDemoReasons } from './demo-reasons';
import { refreshAllDailyHistory } from '../history/daily-history';
import { queryRows } from '../database/query-rows';

export { DEMO_SEED };
/** The demo organisation's time zone. */
export const DEMO_TIME_ZONE = 'Europe/Amsterdam';
const INSERT_BATCH = 8000;
const DEMO_EVENT_KEYS = ['valentines', 'mothers-day', 'christmas'];

export interface DemoLoadOptions {
  /** The first day that has no history (history runs up to the day before). */
  today: IsoDate;
  /**
   * Whole years of history before `today` (4 in the real demo: each peak seen four times, enough for
   * the yearly effects and the past peaks' forecasts; fewer years make a first start quicker).
   */
  years?: number;
  /** Or an exact number of days of history (tests). */
  historyDays?: number;
  timeZone?: string;
  onProgress?: (message: string) => void;
}

export interface DemoLoadResult {
  organisationId: string;
  historyRows: number;
  from: IsoDate;
  to: IsoDate;
}

/** Loads the demo organisation in one transaction: all of it, or nothing. */
export async function loadDemoOrganisation(
  dataSource: DataSource,
  options: DemoLoadOptions,
): Promise<DemoLoadResult> {
  const timeZone = options.timeZone ?? DEMO_TIME_ZONE;
  const to = addDays(options.today, -1);
  const from =
    options.historyDays !== undefined
      ? addDays(options.today, -options.historyDays)
      : `${Number(options.today.slice(0, 4)) - (options.years ?? 4)}${options.today.slice(4)}`;
  const passwordHash = await hash(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    const [{ id: organisationId }] = await queryRows<{ id: string }>(
      manager,
      `insert into organisation (name, time_zone, country) values ('Kaartje & Cadeau (demo)', $1, 'NL') returning id`,
      [timeZone],
    );
    const queueIds = new Map<string, string>();
    for (const queue of DEMO_QUEUES) {
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `insert into queue (organisation_id, name, kind, service_level_target, target_seconds, aht_seconds, patience_seconds, concurrency)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          organisationId,
          queue.name,
          queue.kind,
          queue.serviceLevelTarget,
          queue.targetSeconds,
          queue.ahtSeconds,
          queue.patienceSeconds,
          queue.concurrency,
        ],
      );
      queueIds.set(queue.name, id);
    }
    // Only the three peaks the demo history really has; a planner adds others (Black Friday, Sinterklaas) as needed.
    for (const event of eventPresets('NL').filter((preset) => DEMO_EVENT_KEYS.includes(preset.id))) {
      await manager.query(
        `insert into event (organisation_id, key, name, rule, window_before, window_after) values ($1, $2, $3, $4, $5, $6)`,
        [
          organisationId,
          event.id,
          event.name,
          JSON.stringify(event.rule),
          event.windowBefore,
          event.windowAfter,
        ],
      );
    }
    const departmentIds = await insertDepartments(manager, organisationId);
    for (const account of demoAccounts()) {
      await manager.query(
        `insert into app_user (organisation_id, email, name, password_hash, roles, department_id) values ($1, $2, $3, $4, $5, $6)`,
        [
          organisationId,
          account.email,
          account.name,
          passwordHash,
          account.roles,
          account.department ? departmentIds.get(account.department) : null,
        ],
      );
    }
    await insertDemoPool(manager, organisationId, queueIds, options.today);
    await insertDemoPoints(manager, organisationId, options.today, timeZone);
    const started = Date.now();
    // A bulk load into an empty table: its primary key is built once, by sorting, after the rows are
    // in, instead of row by row (the demo's 370,000 rows wrote 2–3× faster on embedded PostgreSQL).
    await manager.query(`alter table contact_history drop constraint contact_history_pkey`);
    const historyRows = await insertHistory(manager, queueIds, {
      from,
      to,
      timeZone,
      onProgress: options.onProgress,
    });
    const written = Date.now();
    await manager.query(
      `alter table contact_history add constraint contact_history_pkey primary key (queue_id, interval_start, reason)`,
    );
    await refreshAllDailyHistory(manager);
    options.onProgress?.(
      `demo history: ${historyRows} rows generated and written in ${seconds(written - started)}, key and daily totals in ${seconds(Date.now() - written)}`,
    );
    await insertDemoReasons(manager, queueIds, DEMO_SEED);
    return { organisationId, historyRows, from, to };
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function insertDepartments(
  manager: EntityManager,
  organisationId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of [...DEMO_DEPARTMENTS, 'Customer Service']) {
    const [{ id }] = await queryRows<{ id: string }>(
      manager,
      `insert into department (organisation_id, name) values ($1, $2) returning id`,
      [organisationId, name],
    );
    ids.set(name, id);
  }
  return ids;
}

async function insertHistory(
  manager: EntityManager,
  queueIds: Map<string, string>,
  range: { from: IsoDate; to: IsoDate; timeZone: string; onProgress?: (message: string) => void },
): Promise<number> {
  const columns = {
    queue: [] as string[],
    start: [] as number[],
    offered: [] as number[],
    handled: [] as number[],
    abandoned: [] as number[],
    aht: [] as number[],
  };
  let total = 0;
  const flush = async () => {
    if (columns.queue.length === 0) return;
    await manager.query(
      `insert into contact_history (queue_id, interval_start, interval_minutes, offered, handled, abandoned, aht_seconds)
       select q, to_timestamp(s / 1000.0), 15, o, h, a, t from unnest($1::uuid[], $2::float8[], $3::int[], $4::int[], $5::int[], $6::float8[]) as x(q, s, o, h, a, t)`,
      [columns.queue, columns.start, columns.offered, columns.handled, columns.abandoned, columns.aht],
    );
    total += columns.queue.length;
    for (const list of Object.values(columns)) list.length = 0;
  };
  let lastYear = '';
  for (const day of generateDemoHistory({
    from: range.from,
    to: range.to,
    timeZone: range.timeZone,
    seed: DEMO_SEED,
  })) {
    for (const row of day) {
      columns.queue.push(queueIds.get(row.queueName)!);
      columns.start.push(row.intervalStartMs);
      columns.offered.push(row.offered);
      columns.handled.push(row.handled);
      columns.abandoned.push(row.abandoned);
      columns.aht.push(row.ahtSeconds);
    }
    const year = day[0] ? String(new Date(day[0].intervalStartMs).getUTCFullYear()) : lastYear;
    if (year !== lastYear) {
      range.onProgress?.(`demo history: ${year}…`);
      lastYear = year;
    }
    if (columns.queue.length >= INSERT_BATCH) await flush();
  }
  await flush();
  return total;
}
