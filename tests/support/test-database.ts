/* A fresh, empty database for one test file: a new database on the PostgreSQL server when DATABASE_URL
 * is set (CI sets it for the second pass), otherwise embedded PostgreSQL (PGlite) in a process of its
 * own, started on a copy of a freshly initialised data folder. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { Client } from 'pg';

import type { DatabaseTarget } from '@peakplan/backend/database/data-source-options';

export interface TestDatabase {
  kind: 'embedded' | 'server';
  target: DatabaseTarget;
  drop(): Promise<void>;
}

const SERVER_SCRIPT = join(__dirname, 'embedded-db-server.mjs');
const TEMPLATE = join(tmpdir(), 'peakplan-pglite-template-v1');

/** initdb once per machine (~8 s); later test files copy the folder, well under a second. */
function embeddedTemplate(): string {
  if (existsSync(join(TEMPLATE, 'PG_VERSION'))) return TEMPLATE;
  const building = mkdtempSync(join(tmpdir(), 'peakplan-pglite-building-'));
  const init = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    import { PGlite } from '@electric-sql/pglite';
    const db = await PGlite.create(${JSON.stringify(join(building, 'pg'))});
    await db.query('select 1');
    await db.close();`,
    ],
    { cwd: join(__dirname, '..', '..'), stdio: 'inherit' },
  );
  if (init.status !== 0) throw new Error('could not initialise the embedded PostgreSQL template');
  try {
    renameSync(join(building, 'pg'), TEMPLATE);
  } catch {
    // another test process finished first; its template is as good
  }
  rmSync(building, { recursive: true, force: true });
  return TEMPLATE;
}

async function startEmbedded(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peakplan-test-'));
  cpSync(embeddedTemplate(), join(dataDir, 'pglite'), { recursive: true });
  const child = spawn(process.execPath, [SERVER_SCRIPT, join(dataDir, 'pglite')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`embedded test database exited with code ${code}`)));
  });
  const { socketDir } = JSON.parse(firstLine) as { socketDir: string };
  return {
    kind: 'embedded',
    target: { kind: 'embedded', socketDir },
    async drop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `peakplan_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'server',
    target: { kind: 'server', url: url.toString() },
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  return serverUrl ? createServerDatabase(serverUrl) : startEmbedded();
}
