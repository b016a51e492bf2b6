/* Checked rows into the staging table through COPY FROM STDIN (text format) on the transaction's own
 * connection: one stream instead of a statement per batch, and no parameter arrays to build. */
import { once } from 'node:events';

import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

import type { StagedHistoryRow } from './history-csv-row';
import { STAGING_TABLE, type StagingSink } from './staging-sink';

/** Send once this much text is queued (about 2,000 rows): fewer, larger writes to the socket. */
const SEND_CHARS = 128 * 1024;
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

/** One staging row as a line of COPY text; the column order of CREATE_STAGING_TABLE. */
export function copyLine(row: StagedHistoryRow): string {
  return `${row.row}\t${row.queueId}\t${row.start}\t${row.intervalMinutes}\t${copyText(row.reason)}\t${row.offered}\t${
    row.handled ?? NULL
  }\t${row.abandoned ?? NULL}\t${row.ahtSeconds ?? NULL}\n`;
}

export class CopyStagingSink implements StagingSink {
  private queued = '';
  private failure: Error | undefined;
  private ended = false;

  private constructor(private readonly stream: CopyStreamQuery) {
    // Kept until the next send/finish throws it: a COPY error must not crash the process.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static open(client: PoolClient): CopyStagingSink {
    return new CopyStagingSink(client.query(copyFrom(`copy ${STAGING_TABLE} from stdin`)));
  }

  add(row: StagedHistoryRow): void {
    this.queued += copyLine(row);
  }

  async send(): Promise<void> {
    if (this.queued.length >= SEND_CHARS) await this.write();
  }

  async finish(): Promise<void> {
    await this.write();
    this.ended = true;
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    if (this.failure) throw this.failure;
  }

  async abort(): Promise<void> {
    if (this.ended || this.stream.destroyed) return;
    this.ended = true;
    // destroy() sends CopyFail; the connection is usable (for the rollback) once the server answers.
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(new Error('history import refused'));
    await closed;
  }

  private async write(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.queued.length === 0) return;
    const text = this.queued;
    this.queued = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }
}
