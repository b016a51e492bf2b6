import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

import request from 'supertest';

import type { ApiError, HistoryImportProgress, HistoryImportReport } from '@peakplan/contracts';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const FIXTURES = join(__dirname, '..', 'fixtures', 'history-import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('contact history import (CSV) on a real database', () => {
  let service: TestService;
  let headers: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    headers = (await signIn(service.url, 'planner@peakplan.test')).bearer;
  });
  afterAll(() => service?.stop());

  const upload = (body: Buffer | string, query = '', extra: Record<string, string> = {}) =>
    request(service.url)
      .post(`/api/history/imports${query}`)
      .set(headers)
      .set('Content-Type', 'text/csv')
      .set(extra)
      .send(typeof body === 'string' ? Buffer.from(body) : body);

  const historyFingerprint = async () => {
    const [row] = await service.dataSource.query(
      `select count(*)::int as rows, coalesce(sum(offered), 0)::bigint::text as offered,
              coalesce(sum(coalesce(handled, 0) + coalesce(abandoned, 0) + coalesce(aht_seconds, 0)), 0)::text as rest
         from contact_history`,
    );
    return row as { rows: number; offered: string; rest: string };
  };

  it('imports new intervals, changes nothing on a re-import, and updates changed figures', async () => {
    const csv = [
      'queue,start,offered,handled,abandoned,aht_seconds,reason',
      'phone,2026-03-02T09:00:00+01:00,40,38,2,300,order-status',
      'phone,2026-03-02T09:15:00+01:00,44,44,0,290,order-status',
      'phone,2026-03-02T09:15:00+01:00,6,6,0,200,delivery',
      'chat,2026-03-02T09:00:00+01:00,10,10,0,500,',
      'email,2026-03-02,120,,,,',
    ].join('\n');
    const importId = randomUUID();
    const first = (await upload(csv, '?fileName=march.csv', { 'X-Import-Id': importId }).expect(200))
      .body as HistoryImportReport;
    expect(first).toMatchObject({
      importId,
      status: 'completed',
      fileName: 'march.csv',
      rowsRead: 5,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      problems: [],
    });
    expect(first.queues.map((queue) => [queue.queue, queue.rows])).toEqual([
      ['chat', 1],
      ['email', 1],
      ['phone', 3],
    ]);
    // a daily row starts at local midnight in the organisation's zone
    expect(first.queues.find((queue) => queue.queue === 'email')!.firstStart).toBe('2026-03-01T23:00:00Z');
    const after = await historyFingerprint();

    const again = (await upload(csv).expect(200)).body as HistoryImportReport;
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: 0 });
    expect(await historyFingerprint()).toEqual(after);

    const changed = (await upload(csv.replace(',40,38,2,', ',41,39,2,')).expect(200))
      .body as HistoryImportReport;
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    const [{ offered }] = await service.dataSource.query(
      `select offered from contact_history where interval_start = '2026-03-02T08:00:00Z' and reason = 'order-status'
          and queue_id = (select id from queue where name = 'phone')`,
    );
    expect(offered).toBe(41);

    const stored = (
      await request(service.url).get(`/api/history/imports/${importId}`).set(headers).expect(200)
    ).body as HistoryImportReport;
    expect(stored).toMatchObject({ importId, status: 'completed', inserted: 5 });
    const list = (await request(service.url).get('/api/history/imports').set(headers).expect(200))
      .body as HistoryImportReport[];
    expect(list.map((report) => report.importId)).toContain(importId);
  });

  it('adds new intervals and changes stored ones in one file (the merge path)', async () => {
    const csv = [
      'queue,start,offered,reason',
      'chat,2026-03-02T10:00:00+01:00,3,',
      'chat,2026-03-02T09:00:00+01:00,11,',
    ].join('\n');
    // chat 09:00 was stored with 10 by the first test's file; 10:00 is new
    const report = (await upload(csv).expect(200)).body as HistoryImportReport;
    expect(report).toMatchObject({ rowsRead: 2, inserted: 1, updated: 1, unchanged: 0, rejected: 0 });
    const rows = await service.dataSource.query(
      `select to_char(interval_start at time zone 'UTC', 'HH24:MI') as utc, offered from contact_history
        where queue_id = (select id from queue where name = 'chat') and interval_start >= '2026-03-02T08:00:00Z'
          and interval_start < '2026-03-03T00:00:00Z' order by interval_start`,
    );
    expect(rows).toEqual([
      { utc: '08:00', offered: 11 },
      { utc: '09:00', offered: 3 },
    ]);
  });

  it('keeps quoted reasons as written: commas, quotes, a line end, a backslash and a tab', async () => {
    const reasons = ['late, lost parcel', 'said "where is it?"', 'two\nlines', 'C:\\orders\tQ1'];
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv = [
      'queue,start,offered,reason',
      ...reasons.map((reason) => `phone,2026-03-02T11:00:00+01:00,1,${quoted(reason)}`),
      'phone,2026-03-02T11:15:00+01:00,2,plain',
    ].join('\n');
    const report = (await upload(csv).expect(200)).body as HistoryImportReport;
    expect(report).toMatchObject({ rowsRead: 5, inserted: 5, rejected: 0 });
    const stored: { reason: string }[] = await service.dataSource.query(
      `select reason from contact_history where interval_start = '2026-03-02T10:00:00Z' order by reason`,
    );
    expect(stored.map((row) => row.reason).sort()).toEqual([...reasons].sort());
  });

  /** `count` rows per queue, 15 minutes apart from 2025-01-01 00:00Z, oldest first. */
  const generatedHistory = (count: number) => {
    const lines = ['queue,start,offered,handled,abandoned,aht_seconds'];
    const from = Date.parse('2025-01-01T00:00:00Z');
    for (let interval = 0; interval < count; interval++)
      for (const queue of ['phone', 'chat', 'email'])
        lines.push(
          `${queue},${new Date(from + interval * 900_000).toISOString()},${interval % 50},${interval % 45},${interval % 5},${180 + (interval % 200)}`,
        );
    return `${lines.join('\n')}\n`;
  };

  it('imports 12,000 rows (several staging batches) and finds all of them unchanged the second time', async () => {
    const csv = generatedHistory(4000);
    const before = await historyFingerprint();
    const first = (await upload(csv).expect(200)).body as HistoryImportReport;
    expect(first).toMatchObject({ rowsRead: 12000, inserted: 12000, updated: 0, unchanged: 0, rejected: 0 });
    // 4,000 quarter-hours from 2025-01-01 00:00Z: the last starts 3,999 × 15 min later, 2025-02-11 15:45Z
    expect(first.queues).toEqual(
      ['chat', 'email', 'phone'].map((queue) => ({
        queue,
        firstStart: '2025-01-01T00:00:00Z',
        lastStart: '2025-02-11T15:45:00Z',
        rows: 4000,
      })),
    );
    const after = await historyFingerprint();
    expect(after.rows).toBe(before.rows + 12000);
    const again = (await upload(csv).expect(200)).body as HistoryImportReport;
    expect(again).toMatchObject({ rowsRead: 12000, inserted: 0, updated: 0, unchanged: 12000 });
    expect(await historyFingerprint()).toEqual(after);
  });

  it('two imports of overlapping files at the same time: both complete, each interval stored once', async () => {
    // 2025-03-01 onwards: after the 12,000-row file. The second file repeats the first's 300 rows with
    // other figures and adds 300 of its own.
    const rows = (from: number, count: number, offered: number) =>
      Array.from({ length: count }, (_, index) => {
        const start = new Date(Date.parse('2025-03-01T00:00:00Z') + (from + index) * 900_000);
        return `phone,${start.toISOString()},${offered}`;
      });
    const first = ['queue,start,offered', ...rows(0, 300, 1)].join('\n');
    const second = ['queue,start,offered', ...rows(0, 600, 2)].join('\n');
    const before = await historyFingerprint();
    const [a, b] = await Promise.all([upload(first).expect(200), upload(second).expect(200)]);
    const reports = [a.body, b.body] as HistoryImportReport[];
    const after = await historyFingerprint();
    expect(after.rows).toBe(before.rows + 600);
    // whichever committed last decided the shared 300 intervals; the report of each says what it did
    const written = reports.map((report) => report.inserted + report.updated);
    expect(reports[0].inserted + reports[1].inserted).toBe(600);
    expect(written[0] + written[1]).toBeGreaterThanOrEqual(600);
    const [{ offered }] = await service.dataSource.query(
      `select sum(offered)::int as offered from contact_history
        where queue_id = (select id from queue where name = 'phone')
          and interval_start >= '2025-03-01T00:00:00Z' and interval_start < '2025-03-08T00:00:00Z'`,
    );
    // 300 own intervals of the second file at 2 each, and the shared 300 at 1 or 2 each
    expect([300 * 2 + 300 * 1, 300 * 2 + 300 * 2]).toContain(offered);
  });

  it('two imports of the same intervals in opposite orders at the same time: both complete', async () => {
    // 2025-04-01 onwards, 20,000 quarter-hours of chat: one file oldest first, the other newest first.
    // Merging side by side, their inserts met in the middle and waited on each other until PostgreSQL
    // failed one as a deadlock; imports now take turns to merge, and the second finds the first's rows.
    const lines = Array.from({ length: 20000 }, (_, index) => {
      const start = new Date(Date.parse('2025-04-01T00:00:00Z') + index * 900_000);
      return `chat,${start.toISOString()},3`;
    });
    const before = await historyFingerprint();
    const reports = (
      await Promise.all([
        upload(['queue,start,offered', ...lines].join('\n')).expect(200),
        upload(['queue,start,offered', ...[...lines].reverse()].join('\n')).expect(200),
      ])
    ).map((response) => response.body as HistoryImportReport);
    expect(reports[0].inserted + reports[1].inserted).toBe(20000);
    expect(reports[0].updated + reports[1].updated).toBe(0);
    expect(reports[0].unchanged + reports[1].unchanged).toBe(20000);
    const after = await historyFingerprint();
    expect(after.rows).toBe(before.rows + 20000);
    expect(Number(after.offered) - Number(before.offered)).toBe(20000 * 3);
  });

  /** A POST of CSV written by the test part by part, to read progress while the upload is open. */
  const openUpload = (importId: string) => {
    const url = new URL(`${service.url}/api/history/imports`);
    const client = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/csv', 'X-Import-Id': importId },
    });
    const answer = new Promise<{ status: number; body: HistoryImportReport }>((resolve, reject) => {
      client.on('error', reject).on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      });
    });
    return { client, answer };
  };

  /** GET /api/history/imports/:id; 404 until the import has started. */
  const importStatus = async (importId: string) => {
    const response = await request(service.url).get(`/api/history/imports/${importId}`).set(headers);
    if (response.status === 404) return undefined;
    expect(response.status).toBe(200);
    return response.body as HistoryImportProgress | HistoryImportReport;
  };

  /** Staging left behind: registered runs, and staging tables (history_staging_<run id>). */
  const leftoverStaging = async () => {
    const [row] = await service.dataSource.query(
      `select (select count(*)::int from history_staging_run) as runs,
              (select count(*)::int from pg_tables where tablename like 'history\\_staging\\_%'
                  and tablename <> 'history_staging_run') as tables`,
    );
    return row as { runs: number; tables: number };
  };

  it('shows the progress of a running upload, and the rest of the product answers meanwhile', async () => {
    const importId = randomUUID();
    const [header, ...rows] = generatedHistory(200).trimEnd().split('\n');
    const { client, answer } = openUpload(importId);
    client.write(`${header}\n${rows.slice(0, 300).join('\n')}\n`);
    // While the upload is open the import holds no connection, so even the embedded database (one
    // connection) serves the poll's session check and other reads.
    let progress: HistoryImportProgress | HistoryImportReport | undefined;
    for (let attempt = 0; attempt < 100 && (progress?.rowsRead ?? 0) < 300; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      progress = await importStatus(importId);
    }
    expect(progress).toMatchObject({
      importId,
      status: 'running',
      phase: 'reading',
      rowsRead: 300,
      rejected: 0,
    });
    await request(service.url).get('/api/queues').set(headers).expect(200);
    client.end(`${rows.slice(300).join('\n')}\n`);
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body).toMatchObject({ importId, status: 'completed', rowsRead: 600 });
    expect(await leftoverStaging()).toEqual({ runs: 0, tables: 0 });
  });

  it('imports a large file sent whole through several staging batches and leaves no staging behind', async () => {
    // 100,000 rows (2023, before every other file here): several INSERT batches on embedded PostgreSQL,
    // more than one 4 MB COPY batch on the server. That reads are answered meanwhile is shown deterministically by
    // the held-open upload above; here, which finishes first depends on the machine, so no order is asserted.
    const lines = ['queue,start,offered,handled,abandoned,aht_seconds'];
    const from = Date.parse('2023-01-01T00:00:00Z');
    for (let row = 0; row < 100_000; row++)
      lines.push(
        `${['phone', 'chat', 'email'][row % 3]},${new Date(from + Math.floor(row / 3) * 900_000).toISOString()},${row % 40},${row % 35},${row % 5},${200 + (row % 100)}`,
      );
    const importId = randomUUID();
    const before = await historyFingerprint();
    const { client, answer } = openUpload(importId);
    client.end(`${lines.join('\n')}\n`);
    const queues = await request(service.url).get('/api/queues').set(headers).expect(200);
    expect((queues.body as { name: string }[]).map((queue) => queue.name).sort()).toEqual([
      'chat',
      'email',
      'phone',
    ]);
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body).toMatchObject({ importId, status: 'completed', rowsRead: 100_000, inserted: 100_000 });
    expect(await importStatus(importId)).toMatchObject({ importId, status: 'completed', inserted: 100_000 });
    expect((await historyFingerprint()).rows).toBe(before.rows + 100_000);
    expect(await leftoverStaging()).toEqual({ runs: 0, tables: 0 });
  });

  it('drops the staging an import left when its process died, and never merges it', async () => {
    // What a process killed while staging leaves: a registered run, untouched for a day, and its rows.
    const deadRun = randomUUID();
    const deadTable = `history_staging_${deadRun.replace(/-/g, '')}`;
    await service.dataSource.query(
      `insert into history_staging_run (id, import_id, started_at, touched_at)
       values ($1, $2, now() - interval '1 day', now() - interval '1 day')`,
      [deadRun, randomUUID()],
    );
    await service.dataSource.query(
      `create unlogged table ${deadTable} (row_number integer, queue_id uuid, interval_start timestamptz,
         interval_minutes integer, reason text, offered integer, handled integer, abandoned integer, aht_seconds float8)`,
    );
    await service.dataSource.query(
      `insert into ${deadTable} select 2, id, '2024-06-03T10:00:00Z', 15, '', 99, null, null, null
         from queue where name = 'phone'`,
    );
    const before = await historyFingerprint();
    const report = (await upload('queue,start,offered\nphone,2024-06-03T09:00:00Z,7\n').expect(200))
      .body as HistoryImportReport;
    expect(report).toMatchObject({ rowsRead: 1, inserted: 1 });
    expect((await historyFingerprint()).rows).toBe(before.rows + 1);
    const [{ dead }] = await service.dataSource.query(
      `select count(*)::int as dead from contact_history where interval_start = '2024-06-03T10:00:00Z'`,
    );
    expect(dead).toBe(0);
    expect(await leftoverStaging()).toEqual({ runs: 0, tables: 0 });
  });

  describe('refuses broken files with a 4xx naming row and field, and writes nothing', () => {
    const cases: {
      name: string;
      body: () => Buffer;
      status: number;
      message: RegExp;
      details?: { row: number; field: string; reason?: RegExp }[];
    }[] = [
      {
        name: 'wrong delimiter',
        body: () => fixture('wrong-delimiter.csv'),
        status: 400,
        message: /separated by a semicolon; use commas/,
        details: [{ row: 1, field: 'header' }],
      },
      {
        name: 'wrong header',
        body: () => fixture('wrong-header.csv'),
        status: 400,
        message: /row 1: the header must hold queue,start,offered/,
        details: [
          { row: 1, field: 'start', reason: /missing/ },
          { row: 1, field: 'offered', reason: /missing/ },
          { row: 1, field: 'begin', reason: /unknown column/ },
          { row: 1, field: 'volume', reason: /unknown column/ },
        ],
      },
      {
        name: 'UTF-8 byte-order mark (BOM)',
        body: () => fixture('bom.csv'),
        status: 400,
        message:
          /row 1: the file starts with a UTF-8 byte-order mark \(BOM\); save it as CSV in UTF-8 without BOM/,
        details: [{ row: 1, field: 'header', reason: /byte-order mark/ }],
      },
      {
        name: 'Windows line ends (CR LF)',
        body: () => fixture('windows-line-ends.csv'),
        status: 400,
        message: /row 1: the line ends with CR LF \(Windows line ends\); save the CSV with LF line ends/,
        details: [{ row: 1, field: 'row', reason: /CR LF/ }],
      },
      {
        name: 'Windows line ends after a good header',
        body: () => Buffer.from('queue,start,offered\nphone,2026-02-13T09:00:00+01:00,12\r\n'),
        status: 400,
        message: /row 2: the line ends with CR LF/,
        details: [{ row: 2, field: 'row', reason: /CR LF/ }],
      },
      {
        name: 'old Mac line ends (CR only)',
        body: () => Buffer.from('queue,start,offered\rphone,2026-02-13T09:00:00+01:00,12\r'),
        status: 400,
        message: /row 1: the line holds a carriage return \(CR\)/,
        details: [{ row: 1, field: 'row', reason: /carriage return/ }],
      },
      {
        name: 'empty file',
        body: () => fixture('empty.csv'),
        status: 400,
        message: /row 1: the file is empty: expected a header queue,start,offered/,
        details: [{ row: 1, field: 'header', reason: /the file is empty/ }],
      },
      {
        name: 'header only',
        body: () => Buffer.from('queue,start,offered\n'),
        status: 400,
        message: /row 2: the file has a header but no rows/,
        details: [{ row: 2, field: 'row' }],
      },
      {
        name: 'a 10 MB single line',
        body: () => Buffer.from(`queue,start,offered\nphone,${'9'.repeat(10 * 1024 * 1024)}`),
        status: 400,
        message: /row 2: a record is longer than 64 KB/,
        details: [{ row: 2, field: 'row', reason: /too long/ }],
      },
      {
        name: 'a quote left open to the end of the file',
        body: () => Buffer.from('queue,start,offered,reason\nphone,2026-02-13T09:00:00+01:00,1,"late\n'),
        status: 400,
        message: /row 2: a quoted field is not closed/,
        details: [{ row: 2, field: 'row' }],
      },
      {
        name: 'binary garbage',
        // a PNG signature: two line ends (0x0a) before the first NUL byte, so row 3
        body: () =>
          Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
            randomBytes(4096),
          ]),
        status: 400,
        message: /row 3: the file holds binary data/,
        details: [{ row: 3, field: 'row', reason: /NUL/ }],
      },
      {
        name: 'not UTF-8 (Latin-1 text)',
        body: () =>
          Buffer.from('queue,start,offered,reason\nphone,2026-02-13T09:00:00+01:00,1,caf\xe9\n', 'latin1'),
        status: 400,
        message: /row 2: the file is not UTF-8 text/,
        details: [{ row: 2, field: 'row', reason: /not UTF-8/ }],
      },
      {
        name: 'dates in three other formats',
        body: () => fixture('date-formats.csv'),
        status: 422,
        message: /3 row\(s\) are invalid, nothing was imported/,
        details: [
          { row: 3, field: 'start', reason: /must be YYYY-MM-DD .* got "13\/02\/2026 09:15"/ },
          { row: 4, field: 'start' },
          { row: 5, field: 'start' },
        ],
      },
      {
        name: 'negative counts',
        body: () => fixture('negative-counts.csv'),
        status: 422,
        message: /2 row\(s\) are invalid/,
        details: [
          { row: 3, field: 'offered', reason: /must be ≥ 0, got -3/ },
          { row: 4, field: 'handled', reason: /must be ≥ 0, got -1/ },
        ],
      },
      {
        name: 'future dates',
        body: () => fixture('future-dates.csv'),
        status: 422,
        message: /2 row\(s\) are invalid/,
        details: [
          { row: 3, field: 'start', reason: /in the future/ },
          { row: 4, field: 'start', reason: /in the future/ },
        ],
      },
      {
        name: 'unknown queue',
        body: () => fixture('unknown-queue.csv'),
        status: 422,
        message: /1 row\(s\) are invalid/,
        details: [{ row: 3, field: 'queue', reason: /unknown queue "fax" \(known: chat, email, phone\)/ }],
      },
      {
        name: 'duplicate rows within the file',
        body: () => fixture('duplicate-rows.csv'),
        status: 422,
        message: /1 row\(s\) are invalid/,
        details: [{ row: 4, field: 'start', reason: /duplicates row 2/ }],
      },
      {
        name: 'a row with too many columns',
        body: () => Buffer.from('queue,start,offered\nphone,2026-02-13T09:00:00+01:00,1,2\n'),
        status: 422,
        message: /1 row\(s\) are invalid/,
        details: [{ row: 2, field: 'row', reason: /expected 3 columns, found 4/ }],
      },
    ];

    it.each(cases)('$name', async ({ body, status, message, details }) => {
      const before = await historyFingerprint();
      const response = await upload(body()).expect(status);
      const error = response.body as ApiError;
      expect(error.statusCode).toBe(status);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/row \d+/);
      expect(error.message).toMatch(/nothing was imported/);
      // every refusal names at least one row, field and reason
      expect(error.details.length).toBeGreaterThan(0);
      for (const detail of error.details as { row: number; field: string; reason: string }[])
        expect(detail).toEqual({
          row: expect.any(Number),
          field: expect.any(String),
          reason: expect.any(String),
        });
      for (const detail of details ?? [])
        expect(error.details).toContainEqual(
          expect.objectContaining({
            row: detail.row,
            field: detail.field,
            ...(detail.reason ? { reason: expect.stringMatching(detail.reason) } : {}),
          }),
        );
      expect(await historyFingerprint()).toEqual(before);
      expect(await leftoverStaging()).toEqual({ runs: 0, tables: 0 });
    });
  });

  it('with skipInvalidRows imports the good rows and reports the bad ones by row', async () => {
    const report = (await upload(fixture('negative-counts.csv'), '?skipInvalidRows=true').expect(200))
      .body as HistoryImportReport;
    expect(report).toMatchObject({ status: 'completed', rowsRead: 3, rejected: 2, skipInvalidRows: true });
    expect(report.inserted + report.updated + report.unchanged).toBe(1);
    expect(report.problems.map((problem) => [problem.row, problem.field])).toEqual([
      [3, 'offered'],
      [4, 'handled'],
    ]);
    const duplicates = (await upload(fixture('duplicate-rows.csv'), '?skipInvalidRows=true').expect(200))
      .body as HistoryImportReport;
    expect(duplicates).toMatchObject({ rowsRead: 3, rejected: 1 });
  });

  it('lets only planners (and admins) import', async () => {
    const manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    await request(service.url)
      .post('/api/history/imports')
      .set(manager)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from('queue,start,offered\n'))
      .expect(403);
    await request(service.url)
      .post('/api/history/imports')
      .set('Content-Type', 'text/csv')
      .send(Buffer.from('queue,start,offered\n'))
      .expect(401);
  });

  it('refuses a body that is not CSV and a bad query parameter', async () => {
    await request(service.url).post('/api/history/imports').set(headers).send({ queue: 'phone' }).expect(415);
    const response = await upload('queue,start,offered\n', '?skipInvalidRows=maybe').expect(400);
    expect((response.body as ApiError).details).toContainEqual(
      expect.objectContaining({ field: 'skipInvalidRows' }),
    );
  });

  it('leaves nothing behind when the client goes away mid-upload (the transaction is never committed)', async () => {
    const before = await historyFingerprint();
    const url = new URL(`${service.url}/api/history/imports`);
    await new Promise<void>((resolve) => {
      const client = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'text/csv' },
        },
        () => resolve(),
      );
      client.on('error', () => resolve());
      client.write('queue,start,offered\n');
      for (let minute = 0; minute < 60; minute += 15)
        client.write(`phone,2026-03-03T10:${String(minute).padStart(2, '0')}:00+01:00,5\n`);
      setTimeout(() => {
        client.destroy();
        resolve();
      }, 300);
    });
    // the service stays usable and the database is as before
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await historyFingerprint()).toEqual(before);
    await request(service.url).get('/api/history/imports').set(headers).expect(200);
    // the import dropped its staging table when the upload broke off (it may still be at it)
    let leftover = await leftoverStaging();
    for (let attempt = 0; attempt < 50 && leftover.runs + leftover.tables > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      leftover = await leftoverStaging();
    }
    expect(leftover).toEqual({ runs: 0, tables: 0 });
  });
});
