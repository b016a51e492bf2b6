import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import { lockDataFolder } from './data-folder-lock';
import { clusterOf, seedFromEmbeddedTemplate } from './embedded-template';

export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';
}

export interface EmbeddedPostgres {
  /** Folder holding the socket, as `pg` wants it in `host`. */
  socketDir: string;
  /** Flushes PGlite to disk, closes the socket server and releases the folder lock. */
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `<dataDir>/pglite` behind a unix socket, so the ordinary `pg` driver (and TypeORM)
 * talk to it as to a PostgreSQL server. Same entities and migrations as on a real server. A folder
 * without a database starts as a copy of `templateDir`'s when given (embedded-template.ts).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  { maxConnections = 8, templateDir }: { maxConnections?: number; templateDir?: string } = {},
): Promise<EmbeddedPostgres> {
  const releaseLock = lockDataFolder(dataDir);
  let db: PGlite;
  try {
    seedFromEmbeddedTemplate(dataDir, templateDir);
    db = await PGlite.create(clusterOf(dataDir));
    await db.query('select 1');
  } catch (error) {
    releaseLock();
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedDatabaseError(
      `the embedded database in ${clusterOf(dataDir)} could not be opened (${reason}); move that folder away to start afresh, or set PEAKPLAN_DATA_DIR`,
    );
  }
  // A short path: unix socket paths are limited to ~100 characters.
  const socketDir = mkdtempSync(join(tmpdir(), 'peakplan-pg-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections });
  await server.start();
  let stopped = false;
  return {
    socketDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
      releaseLock();
    },
  };
}
