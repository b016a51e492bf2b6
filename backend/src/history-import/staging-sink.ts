/* Where checked rows go on their way to the import's staging table (staging-table.ts): COPY on a
 * PostgreSQL server, multi-row INSERTs on embedded PostgreSQL (PGlite behind pglite-socket drops the
 * connection on COPY FROM STDIN: "protocol synchronization was lost"). Both write in autocommitted
 * batches, each on a connection taken from the pool for that batch only, so that other requests get
 * the connection in between: the embedded database has just one. */
import type { StagedHistoryRow } from './history-csv-row';

export interface StagingSink {
  /** Queues one checked row; synchronous, called once per record. */
  add(row: StagedHistoryRow): void;
  /** Sends what is queued when worth it; resolves when the database can take more (backpressure). */
  send(): Promise<void>;
  /** Sends the rest; resolves once every row is committed to the staging table. */
  finish(): Promise<void>;
  /** Ends an unfinished batch and gives its connection back (the staging table is dropped after). */
  abort(): Promise<void>;
}
