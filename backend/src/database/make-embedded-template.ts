import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Builds the template in a sibling folder and swaps it in whole, so a build stopped half-way leaves the
 * old template or none, never half a cluster. Returns the migrations it ran.
 */
export async function makeEmbeddedTemplate(templateDir: string): Promise<string[]> {
  const building = `${templateDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(dirname(building), { recursive: true });
  const embedded = await startEmbeddedPostgres(building, { maxConnections: 1 });
  let migrations: string[];
  try {
    const dataSource = new DataSource(
      buildDataSourceOptions({ kind: 'embedded', socketDir: embedded.socketDir }, 1),
    );
    await dataSource.initialize();
    try {
      migrations = (await dataSource.runMigrations({ transaction: 'each' })).map(
        (migration) => migration.name,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded.stop();
  }
  writeFileSync(join(building, 'template.json'), `${JSON.stringify({ migrations }, null, 2)}\n`);
  rmSync(templateDir, { recursive: true, force: true });
  renameSync(building, templateDir);
  return migrations;
}
