/* Where an import stages its rows: a table of its own, history_staging_<run id>, filled in
 * autocommitted batches before the merge transaction (the embedded database's one connection is free
 * between batches), and dropped by that transaction when it commits.
 * - A table per run rather than one shared table with an import column: dropping it is instant and
 *   gives the space back at once, where deleting a million rows costs seconds in the merge transaction
 *   and, on embedded PostgreSQL (no autovacuum), would never be reclaimed.
 * - Unlogged: staged rows need no crash safety, and writing them skips the WAL.
 * - Not a temporary table: a temporary table lives on one connection, and the batches go through the
 *   pool, so consecutive batches may get different connections on a server.
 * - Keyed by a fresh run id, not by the import id (which the client may choose and send again): the
 *   rows of an earlier attempt can never be merged by a later one.
 * Every run is registered in history_staging_run; the staging of a run whose process died is dropped
 * at the next start (embedded: one process owns the data folder, so every run left is dead) or once
 * it has not been touched for STALE_AFTER_MINUTES (a server shared by several instances). */
import { randomUUID } from 'node:crypto';

import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../database/query-rows';

/** A run that has not been touched for this long is dead: its staging is dropped. */
export const STALE_AFTER_MINUTES = 30;
/** A live run touches its registration at most this often while it stages. */
const TOUCH_EVERY_MS = 60_000;

export class StagingLostError extends Error {
  override readonly name = 'StagingLostError';
}

function tableName(runId: string): string {
  // The run id comes from randomUUID(): 32 hex digits once the dashes are gone, a safe identifier.
  return `history_staging_${runId.replace(/-/g, '')}`;
}

export class StagingTable {
  private touchedAtMs = Date.now();

  private constructor(
    private readonly dataSource: DataSource,
    readonly runId: string,
    readonly name: string,
  ) {}

  /** Creates the table and registers the run, together (DDL is transactional in PostgreSQL). */
  static async create(dataSource: DataSource, importId: string): Promise<StagingTable> {
    const runId = randomUUID();
    const staging = new StagingTable(dataSource, runId, tableName(runId));
    await dataSource.transaction(async (manager) => {
      await manager.query(`insert into history_staging_run (id, import_id) values ($1, $2)`, [
        runId,
        importId,
      ]);
      await manager.query(`
        create unlogged table ${staging.name} (
          row_number integer not null,
          queue_id uuid not null,
          interval_start timestamptz not null,
          interval_minutes integer not null,
          reason text not null,
          offered integer not null,
          handled integer,
          abandoned integer,
          aht_seconds double precision,
          repeat_contacts integer,
          transferred integer,
          nps_promoters integer,
          nps_passives integer,
          nps_detractors integer,
          csat_responses integer,
          csat_satisfied integer
        )`);
    });
    return staging;
  }

  /** Tells the sweep of other instances that this run is alive (a statement a minute at most). */
  async touch(): Promise<void> {
    if (Date.now() - this.touchedAtMs < TOUCH_EVERY_MS) return;
    this.touchedAtMs = Date.now();
    await this.dataSource.query(`update history_staging_run set touched_at = now() where id = $1`, [
      this.runId,
    ]);
  }

  /**
   * In the merge transaction, first: takes the run's registration (its row lock keeps the sweep away
   * until commit) and drops the table at commit. Throws StagingLostError when a sweep took it first.
   */
  async claimForMerge(client: PoolClient): Promise<void> {
    const claimed = await client.query(`delete from history_staging_run where id = $1 returning id`, [
      this.runId,
    ]);
    if (claimed.rowCount !== 1)
      throw new StagingLostError(
        `the upload stalled for more than ${STALE_AFTER_MINUTES} minutes and its staged rows were cleaned up; upload the file again`,
      );
  }

  /** In the merge transaction, last: the staged rows go with the commit. */
  async dropInTransaction(client: PoolClient): Promise<void> {
    await client.query(`drop table ${this.name}`);
  }

  /** After a refusal or a failure: the table and its registration, in their own transaction. */
  async discard(): Promise<void> {
    await dropRun(this.dataSource, this.runId);
  }
}

async function dropRun(dataSource: DataSource, runId: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // skip locked: a run being merged holds its row, and its own commit drops its table.
    const run = await queryOne<{ id: string }>(
      manager,
      `select id from history_staging_run where id = $1 for update skip locked`,
      [runId],
    );
    if (!run) return false;
    await manager.query(`drop table if exists ${tableName(runId)}`);
    await manager.query(`delete from history_staging_run where id = $1`, [runId]);
    return true;
  });
}

/**
 * Drops the staging of dead runs: those untouched for STALE_AFTER_MINUTES, and those started before
 * `startedBefore` (on embedded PostgreSQL, this process's start: one process owns the data folder, so
 * a run from before it belongs to a process that is gone). Returns how many it dropped.
 */
export async function sweepStagingTables(dataSource: DataSource, startedBefore?: Date): Promise<number> {
  const runs = await queryRows<{ id: string }>(
    dataSource,
    `select id from history_staging_run
      where touched_at < now() - make_interval(mins => $1) or started_at < $2`,
    [STALE_AFTER_MINUTES, startedBefore ?? null],
  );
  let dropped = 0;
  for (const run of runs) if (await dropRun(dataSource, run.id)) dropped++;
  return dropped;
}
