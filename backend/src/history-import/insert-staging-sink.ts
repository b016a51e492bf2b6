/* Checked rows into the staging table in multi-row INSERTs (arrays through unnest: one round trip and
 * one plan per batch), for embedded PostgreSQL, where COPY FROM STDIN does not work. Each batch is a
 * statement of its own, autocommitted on a connection from the pool that goes back right after: a
 * request waiting for the embedded database's one connection gets it between two batches. */
import type { DataSource } from 'typeorm';

import { QUALITY_COLUMNS } from '@peakplan/forecasting';

import type { StagedHistoryRow } from './history-csv-row';
import type { StagingSink } from './staging-sink';

/**
 * Rows sent per statement (at least): what another request may have to wait for on embedded
 * PostgreSQL, where PGlite runs in the service's own thread. Measured with 200,000 rows and GET
 * /api/queues every 200 ms while they staged: median answer ~85 ms with 5,000 rows per statement,
 * ~40 ms with 2,000 and with 1,000; the import took as long with each (~3.5 s).
 */
const STAGING_BATCH = 2000;

export class InsertStagingSink implements StagingSink {
  private batch: StagedHistoryRow[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
  ) {}

  add(row: StagedHistoryRow): void {
    this.batch.push(row);
  }

  async send(): Promise<void> {
    if (this.batch.length >= STAGING_BATCH) await this.insert();
  }

  finish(): Promise<void> {
    return this.insert();
  }

  async abort(): Promise<void> {
    this.batch = [];
  }

  private async insert(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (rows.length === 0) return;
    await this.dataSource.query(
      `insert into ${this.table}
         select * from unnest($1::int[], $2::uuid[], $3::timestamptz[], $4::int[], $5::text[], $6::int[], $7::int[], $8::int[], $9::float8[],
                              $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[])`,
      [
        rows.map((row) => row.row),
        rows.map((row) => row.queueId),
        rows.map((row) => row.start),
        rows.map((row) => row.intervalMinutes),
        rows.map((row) => row.reason),
        rows.map((row) => row.offered),
        rows.map((row) => row.handled),
        rows.map((row) => row.abandoned),
        rows.map((row) => row.ahtSeconds),
        ...QUALITY_COLUMNS.map(([, field]) => rows.map((row) => row.quality[field])),
      ],
    );
  }
}
