/* Where checked rows go on their way to the staging table: COPY on a PostgreSQL server, multi-row
 * INSERTs on embedded PostgreSQL (PGlite behind pglite-socket drops the connection on COPY FROM STDIN:
 * "protocol synchronization was lost"). */
import type { StagedHistoryRow } from './history-csv-row';

export interface StagingSink {
  /** Queues one checked row; synchronous, called once per record. */
  add(row: StagedHistoryRow): void;
  /** Sends what is queued when worth it; resolves when the database can take more (backpressure). */
  send(): Promise<void>;
  /** Sends the rest and ends the load. */
  finish(): Promise<void>;
  /** Ends an unfinished load so that the transaction can be rolled back. */
  abort(): Promise<void>;
}

/** The temporary table the rows are staged in; dropped at the end of the transaction. */
export const STAGING_TABLE = 'history_import_staging';

export const CREATE_STAGING_TABLE = `
  create temp table ${STAGING_TABLE} (
    row_number integer not null,
    queue_id uuid not null,
    interval_start timestamptz not null,
    interval_minutes integer not null,
    reason text not null,
    offered integer not null,
    handled integer,
    abandoned integer,
    aht_seconds double precision
  ) on commit drop`;
