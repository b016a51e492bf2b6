/* Times loadDemoOrganisation (4 years to 2026-12-02) on a fresh database, embedded unless DATABASE_URL
 * is set: `npx tsx tests/bench/demo-load-time.ts`. Prints seconds and rows. */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from '@peakplan/backend/database/data-source-options';
import { loadDemoOrganisation } from '@peakplan/backend/demo/demo-loader';
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
    process.stdout.write(
      `${database.kind}: demo load ${seconds.toFixed(1)} s, ${result.historyRows} history rows\n`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.drop();
  }
}

void main();
