/* `node dist/backend/backend/src/accounts/create-admin.command.js <email> [name]`: makes (or re-keys) an
 * admin account with a one-time password, for installations outside demo mode. Uses the same
 * environment as the service (DATABASE_URL or PEAKPLAN_DATA_DIR); stop an embedded service first. */
import '../register-aliases';
import 'reflect-metadata';

import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { openDatabase } from '../database/open-database';
import { ensureFirstAdmin } from './first-admin';

async function createAdmin(): Promise<void> {
  const [email, ...nameParts] = process.argv.slice(2);
  if (!email) throw new Error('usage: create-admin.command.js <email> [name]');
  const config = loadConfig(process.env, join(__dirname, '..', '..', '..', '..'));
  const database = await openDatabase(config);
  const dataSource = new DataSource(buildDataSourceOptions(database.target, 2));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const result = await ensureFirstAdmin(dataSource, { email, name: nameParts.join(' ') || email });
    process.stdout.write(
      `${result.created ? 'created' : 'updated'} admin ${email}; one-time password (shown once, change it after signing in): ${result.temporaryPassword}\n`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.stop();
  }
}

createAdmin().catch((error: unknown) => {
  process.stderr.write(`peakplan create-admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
