/* History import speed on the PostgreSQL server (DATABASE_URL): 1,000,000 interval rows of CSV through
 * HistoryImportService (stream, row checks, COPY into a staging table, merge, one transaction) against
 * two floors measured in the same run:
 * - a plain `\copy` of the same file by psql into a table of the file's columns, without key or
 *   constraints (PostgreSQL parsing and writing the same rows, nothing else);
 * - a `\copy` of the same rows into contact_history itself, the issue's "COPY of the same file into
 *   the same table": its primary key and its foreign key to queue (checked row by row) are most of what
 *   writing a million intervals costs, for any way in. The file for it names queues by id, as the table
 *   does (a plain COPY cannot look names up); psql rolls it back.
 * Skipped without DATABASE_URL: embedded PostgreSQL has no COPY client here. */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import { register } from 'tsconfig-paths';

import { timeMedian, type BenchReport } from './run-benchmarks';

register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@peakplan/forecasting': ['forecasting/src/index.ts'],
    '@peakplan/contracts': ['contracts/src/index.ts'],
  },
});

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);

export async function run(): Promise<BenchReport> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('planning-import: skipped (set DATABASE_URL to a PostgreSQL server)\n');
    return { suite: 'planning-import', lines: [] };
  }
  require('reflect-metadata');
  const { DataSource } = require('typeorm') as typeof import('typeorm');
  const { buildDataSourceOptions } =
    require('../../backend/src/database/data-source-options') as typeof import('../../backend/src/database/data-source-options');
  const { loadDemoOrganisation } =
    require('../../backend/src/demo/demo-loader') as typeof import('../../backend/src/demo/demo-loader');
  const { HistoryImportService } =
    require('../../backend/src/history-import/history-import.service') as typeof import('../../backend/src/history-import/history-import.service');

  const database = `peakplan_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const folder = mkdtempSync(join(tmpdir(), 'peakplan-import-bench-'));
  const dataSource = new DataSource(buildDataSourceOptions({ kind: 'server', url: url.toString() }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    await loadDemoOrganisation(dataSource, { today: '2026-03-01', historyDays: 1 });
    const [organisation] = await dataSource.query(`select id, time_zone as "timeZone" from organisation`);
    // 1,000,000 rows: three queues, 15-minute intervals, going back from February 2026
    const file = join(folder, 'history.csv');
    const lines = ['queue,start,offered,handled,abandoned,aht_seconds'];
    const queues = ['phone', 'chat', 'email'];
    const end = Date.parse('2026-02-28T00:00:00Z');
    for (let i = 0; i < ROWS; i++) {
      const start = new Date(end - Math.floor(i / 3) * 900_000).toISOString();
      lines.push(
        `${queues[i % 3]},${start},${(i * 7) % 50},${(i * 7) % 45},${(i * 7) % 5},${180 + (i % 200)}`,
      );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const megabytes = statSync(file).size / 1024 / 1024;
    const queueIds = new Map<string, string>(
      (await dataSource.query(`select name, id from queue`)).map((queue: { name: string; id: string }) => [
        queue.name,
        queue.id,
      ]),
    );
    const tableFile = join(folder, 'history-by-queue-id.csv');
    writeFileSync(
      tableFile,
      `${lines
        .map((line, index) => {
          if (index === 0)
            return 'queue_id,interval_start,offered,handled,abandoned,aht_seconds,interval_minutes';
          const comma = line.indexOf(',');
          return `${queueIds.get(line.slice(0, comma))}${line.slice(comma)},15`;
        })
        .join('\n')}\n`,
    );
    lines.length = 0;

    const service = new HistoryImportService(dataSource, { current: async () => organisation } as never);
    let report: Awaited<ReturnType<typeof service.importCsv>> | undefined;
    const importMs = await timeMedian(async () => {
      await dataSource.query(`delete from contact_history`);
      report = await service.importCsv(createReadStream(file) as never, { skipInvalidRows: false });
    }, 1);
    const reimportMs = await timeMedian(async () => {
      report = await service.importCsv(createReadStream(file) as never, { skipInvalidRows: false });
    }, 1);
    await dataSource.query(
      `create table copy_floor (queue text, start timestamptz, offered integer, handled integer, abandoned integer, aht_seconds double precision)`,
    );
    const copyMs = await timeMedian(() => {
      execFileSync('psql', [
        url.toString(),
        '-q',
        '-c',
        'truncate copy_floor',
        '-c',
        `\\copy copy_floor from '${file}' with (format csv, header true)`,
      ]);
    }, 3);
    const tableCopyMs = await timeMedian(() => {
      execFileSync('psql', [
        url.toString(),
        '-q',
        '-c',
        'begin',
        '-c',
        'truncate contact_history',
        '-c',
        `\\copy contact_history (queue_id, interval_start, offered, handled, abandoned, aht_seconds, interval_minutes) from '${tableFile}' with (format csv, header true)`,
        '-c',
        'rollback',
      ]);
    }, 3);
    return {
      suite: 'planning-import',
      lines: [
        {
          name: `import ${ROWS.toLocaleString('en')} interval rows (${megabytes.toFixed(0)} MB CSV) into an empty table`,
          ms: importMs,
          baseline: 'psql \\copy of the same file (no checks, no merge)',
          baselineMs: copyMs,
          ratio: importMs / copyMs,
          note: "into a bare table of the file's columns: no keys, no queue lookup, no time-zone work",
        },
        {
          name: `import ${ROWS.toLocaleString('en')} interval rows into an empty table`,
          ms: importMs,
          baseline: 'psql \\copy of the same rows into contact_history (primary key, foreign key, checks)',
          baselineMs: tableCopyMs,
          ratio: importMs / tableCopyMs,
          note: "the issue's floor (a plain COPY into the same table): aim within 3x",
        },
        {
          name: `re-import of the same file (all ${report?.unchanged.toLocaleString('en')} rows unchanged)`,
          ms: reimportMs,
          baseline: 'psql \\copy of the same file',
          baselineMs: copyMs,
          ratio: reimportMs / copyMs,
        },
      ],
    };
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  }
}
