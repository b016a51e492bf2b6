/* Checked rows into the staging table through COPY FROM STDIN (text format), for a PostgreSQL server:
 * one stream per batch of a few MB instead of a statement per few thousand rows, and no parameter
 * arrays to build. Each COPY is autocommitted on a connection taken from the pool for that batch, and
 * the connection goes back once the batch is in: a slow upload holds no connection for its whole
 * length. Within a batch, text is written as it comes (the server parses while the file is read). */
import { once } from 'node:events';

import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import { QUALITY_COLUMNS } from '@peakplan/forecasting';

import type { StagedHistoryRow } from './history-csv-row';
import { acquireConnection, type PooledConnection } from './pooled-connection';
import type { StagingSink } from './staging-sink';

/** Send once this much text is queued (about 2,000 rows): fewer, larger writes to the socket. */
const SEND_CHARS = 128 * 1024;
/** End the COPY (commit the batch, give the connection back) after this much text: ~60,000 rows. */
const COPY_BATCH_CHARS = 4 * 1024 * 1024;
const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;

/**
 * A value as COPY's text format wants it: backslash, tab, line feed and carriage return escaped
 * (PostgreSQL manual, COPY, "Text Format").
 */
export function copyText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (special) =>
    special === '\\' ? '\\\\' : special === '\t' ? '\\t' : special === '\n' ? '\\n' : '\\r',
  );
}

/** The quality counts in the staging table's column order. */
const QUALITY_FIELDS = QUALITY_COLUMNS.map(([, field]) => field);

/** One staging row as a line of COPY text; the column order of the staging table. */
export function copyLine(row: StagedHistoryRow): string {
  return `${row.row}\t${row.queueId}\t${row.start}\t${row.intervalMinutes}\t${copyText(row.reason)}\t${row.offered}\t${
    row.handled ?? NULL
  }\t${row.abandoned ?? NULL}\t${row.ahtSeconds ?? NULL}\t${QUALITY_FIELDS.map((field) => row.quality[field] ?? NULL).join('\t')}\n`;
}

/** One COPY statement under way, on its own pooled connection. */
class CopyBatch {
  chars = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly connection: PooledConnection,
    private readonly stream: CopyStreamQuery,
  ) {
    // Kept until the next write/end throws it: a COPY error must not crash the process.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static async open(dataSource: DataSource, table: string): Promise<CopyBatch> {
    const connection = await acquireConnection(dataSource);
    return new CopyBatch(connection, connection.client.query(copyFrom(`copy ${table} from stdin`)));
  }

  async write(text: string): Promise<void> {
    this.chars += text.length;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
    this.throwFailure();
  }

  /** Ends the COPY (the server commits it) and gives the connection back. */
  async end(): Promise<void> {
    try {
      this.throwFailure();
      const finished = once(this.stream, 'finish');
      this.stream.end();
      await finished;
      this.throwFailure();
      this.connection.release();
    } catch (error) {
      // A connection whose COPY failed is not trusted again.
      this.connection.release(error as Error);
      throw error;
    }
  }

  /** destroy() sends CopyFail; the server rolls the batch back and the connection is usable again. */
  async abort(): Promise<void> {
    if (this.stream.destroyed) {
      this.connection.release(this.failure);
      return;
    }
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(new Error('history import refused'));
    await closed;
    this.connection.release();
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}

export class CopyStagingSink implements StagingSink {
  private queued = '';
  private batch: CopyBatch | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
  ) {}

  add(row: StagedHistoryRow): void {
    this.queued += copyLine(row);
  }

  async send(): Promise<void> {
    if (this.queued.length >= SEND_CHARS) await this.write();
  }

  async finish(): Promise<void> {
    await this.write();
    await this.endBatch();
  }

  async abort(): Promise<void> {
    this.queued = '';
    const batch = this.batch;
    this.batch = undefined;
    await batch?.abort();
  }

  private async write(): Promise<void> {
    if (this.queued.length === 0) return;
    const text = this.queued;
    this.queued = '';
    this.batch ??= await CopyBatch.open(this.dataSource, this.table);
    await this.batch.write(text);
    if (this.batch.chars >= COPY_BATCH_CHARS) await this.endBatch();
  }

  private async endBatch(): Promise<void> {
    const batch = this.batch;
    if (!batch) return;
    // Forgotten first: a batch whose end failed is not aborted again.
    this.batch = undefined;
    await batch.end();
  }
}
