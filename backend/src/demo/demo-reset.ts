/* `npm run demo:reset`: empties the database (embedded folder or DATABASE_URL) and loads the demo afresh.
 * The embedded folder must not be in use by a running service (its lock refuses). */
import '../register-aliases';
import 'reflect-metadata';

import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { prepareDatabase } from '../bootstrap/prepare-database';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { openDatabase } from '../database/open-database';
import { StructuredLogger } from '../logging/structured-logger';

async function reset(): Promise<void> {
  const config = loadConfig(process.env, join(__dirname, '..', '..', '..', '..'));
  const logger = new StructuredLogger('info', 'text');
  const database = await openDatabase(config);
  const dataSource = new DataSource(buildDataSourceOptions(database.target, 2));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(`truncate organisation cascade`);
    logger.log('database emptied', 'demo');
    await prepareDatabase(dataSource, { demo: true, demoHistoryDays: config.demoHistoryDays, logger });
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.stop();
  }
}

reset().catch((error: unknown) => {
  process.stderr.write(`peakplan demo:reset: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
