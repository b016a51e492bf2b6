/* Times loadDemoOrganisation (4 years to 2026-12-02) on a fresh database, embedded unless DATABASE_URL
 * is set: `npx tsx tests/bench/demo-load-time.ts`. Prints seconds and rows. */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '@peakplan/backend/database/data-source-options';
import { DEMO_SEED, loadDemoOrganisation } from '@peakplan/backend/demo/demo-loader';
import { insertDemoReasons } from '@peakplan/backend/demo/demo-reasons';
import { createTestDatabase } from '../support/test-database';

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(buildDataSourceOptions(database.target, 2));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const started = process.hrtime.bigint();
    const result = await loadDemoOrganisation(dataSource, { today: '2026-12-02' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The reason days alone (demo-reasons.ts), written again into an emptied table.
    await dataSource.query(`delete from contact_reason_daily`);
    const [phone]: { id: string }[] = await dataSource.query(`select id from queue where name = 'phone'`);
    const reasonsStarted = process.hrtime.bigint();
    const reasonRows = await dataSource.transaction((manager) =>
      insertDemoReasons(manager, new Map([['phone', phone.id]]), DEMO_SEED),
    );
    const reasonSeconds = Number(process.hrtime.bigint() - reasonsStarted) / 1e9;
    process.stdout.write(
      `${database.kind}: demo load ${seconds.toFixed(1)} s, ${result.historyRows} history rows; ` +
        `of which reason days ${reasonSeconds.toFixed(2)} s for ${reasonRows} rows\n`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.drop();
  }
}

void main();
