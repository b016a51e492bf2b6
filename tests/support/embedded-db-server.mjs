// A throw-away embedded PostgreSQL (PGlite behind a unix socket) in its own process, for tests: PGlite
// loads WebAssembly through dynamic imports that jest's module sandbox cannot run. Started by
// test-database.ts with the data folder as argument; prints {"socketDir": "..."} once ready and stops
// (flushing to disk) on SIGTERM or when its parent closes stdin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const dataDir = process.argv[2];
const db = await PGlite.create(dataDir);
await db.query('select 1');
const socketDir = mkdtempSync(join(tmpdir(), 'peakplan-testpg-'));
const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 8 });
await server.start();
process.stdout.write(`${JSON.stringify({ socketDir })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await db.close();
  rmSync(socketDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
