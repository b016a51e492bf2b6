import { LoggerService } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { DEMO_TIME_ZONE, loadDemoOrganisation } from '../demo/demo-loader';
import { queryRows } from '../database/query-rows';

interface PrepareOptions {
  demo: boolean;
  logger: LoggerService;
  today?: string;
  demoHistoryDays?: number | null;
  /**
   * Several instances may start at once on a PostgreSQL server: one at a time migrates and loads the
   * demo, the others wait (a session advisory lock on a connection of its own) and then find nothing
   * left to do. Not on embedded PostgreSQL: one process, one connection.
   */
  oneInstanceAtATime?: boolean;
}

/** Runs pending migrations, then loads the demo organisation into an empty database when asked to. */
export async function prepareDatabase(
  dataSource: DataSource,
  options: PrepareOptions,
): Promise<{ migrationsRun: string[]; demoLoaded: boolean; today?: string }> {
  if (!options.oneInstanceAtATime) return prepare(dataSource, options);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`select pg_advisory_lock(hashtext('peakplan-prepare-database'))`);
    try {
      return await prepare(dataSource, options);
    } finally {
      await runner.query(`select pg_advisory_unlock(hashtext('peakplan-prepare-database'))`);
    }
  } finally {
    await runner.release();
  }
}

async function prepare(
  dataSource: DataSource,
  options: PrepareOptions,
): Promise<{ migrationsRun: string[]; demoLoaded: boolean; today?: string }> {
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of migrations) options.logger.log(`migration ran: ${migration.name}`, 'database');
  if (!options.demo) return { migrationsRun: migrations.map((m) => m.name), demoLoaded: false };
  const [{ count }] = await queryRows<{ count: number }>(
    dataSource,
    `select count(*)::int as count from organisation`,
  );
  if (count > 0) return { migrationsRun: migrations.map((m) => m.name), demoLoaded: false };
  const started = Date.now();
  options.logger.log('empty database: loading the demo organisation (once)…', 'demo');
  const today = options.today ?? DateTime.now().setZone(DEMO_TIME_ZONE).toISODate()!;
  const result = await loadDemoOrganisation(dataSource, {
    today,
    historyDays: options.demoHistoryDays ?? undefined,
    onProgress: (message) => {
      options.logger.log(message, 'demo');
    },
  });
  options.logger.log(
    `demo organisation loaded: ${result.historyRows} intervals of history ${result.from}..${result.to} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    'demo',
  );
  return { migrationsRun: migrations.map((m) => m.name), demoLoaded: true, today };
}
