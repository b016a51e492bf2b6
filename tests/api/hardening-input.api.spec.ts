/* Issue 11: malformed input is the client's mistake, answered with a 4xx in the API's error shape and
 * never a 500 — on sign-in (no session) as much as behind one. */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import request from 'supertest';

import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  message: expect.any(String),
  details: expect.any(Array),
};

describe('malformed and implausible input is refused with a 4xx in the error shape (issue 11)', () => {
  let service: TestService;
  let admin: Record<string, string>;
  let planner: Record<string, string>;
  let queueId: string;

  beforeAll(async () => {
    // 14 days: the fewest a forecast run trains on, so the start below is refused for the queue without history.
    service = await startTestService({ demoHistoryDays: 14, today: '2026-03-01' });
    admin = await sessionHeaders(service, 'admin@peakplan.test');
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    [{ id: queueId }] = await service.dataSource.query(`select id from queue order by name limit 1`);
  });
  afterAll(() => service?.stop());

  const signIn = () => request(service.url).post('/api/auth/login').set('Content-Type', 'application/json');

  it.each([
    ['an oversized body', () => signIn().send(`{"email":"${'x'.repeat(1_100_000)}"}`), 413, /larger than/],
    [
      'an unknown charset',
      () => signIn().set('Content-Type', 'application/json; charset=klingon').send('{}'),
      415,
      /charset/,
    ],
    [
      'an unknown content encoding',
      () => signIn().set('Content-Encoding', 'br2').send('{}'),
      415,
      /encoding/,
    ],
    [
      'a broken gzip body',
      () => signIn().set('Content-Encoding', 'gzip').send('{}'),
      400,
      /could not be read/,
    ],
    ['broken JSON', () => signIn().send('{"email":'), 400, /JSON/],
    [
      'JSON nested 100,000 deep',
      () => signIn().send(`{"email":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      400,
      /nested at most/,
    ],
  ])('sign-in with %s', async (_label, send, status, message) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ ...ERROR_SHAPE, statusCode: status });
    expect(response.body.message).toMatch(message);
  });

  it('refuses NUL and other control characters in values and in keys, naming the field', async () => {
    const before = await service.dataSource.query(`select count(*)::int as n from app_user`);
    const nul = await request(service.url)
      .post('/api/accounts')
      .set(admin)
      .send({ email: 'nul@peakplan.test', name: 'Nul\u0000Person', roles: ['planner'] })
      .expect(400);
    expect(nul.body.details).toEqual([
      { field: 'name', reason: expect.stringMatching(/control characters/) },
    ]);
    const key = await request(service.url)
      .post('/api/accounts')
      .set(admin)
      .send({ email: 'key@peakplan.test', name: 'Key', roles: ['planner'], ['a\u0001b']: 1 })
      .expect(400);
    expect(key.body.details[0].reason).toMatch(/field names must not contain control characters/);
    expect(await service.dataSource.query(`select count(*)::int as n from app_user`)).toEqual(before);
  });

  it('refuses lone surrogates (invalid Unicode) in bodies and query strings', async () => {
    const body = await signIn()
      .send('{"email":"\\ud800@peakplan.test","password":"abcdefghijkl"}')
      .expect(400);
    expect(body.body.details).toEqual([{ field: 'email', reason: expect.stringMatching(/valid Unicode/) }]);
    const query = await request(service.url)
      .get(`/api/queues/${queueId}/history/daily?from=%ED%A0%80`)
      .set(planner);
    // Express decodes an invalid UTF-8 sequence to U+FFFD, so this is a bad date rather than a surrogate.
    expect(query.status).toBe(400);
  });

  it.each(['2026-02-30', '0000-01-01', '2025-02-29', '2026-13-01'])(
    'refuses the impossible date %s in a query string and in a body',
    async (date) => {
      const query = await request(service.url)
        .get(`/api/queues/${queueId}/history/daily?from=${date}&to=2026-03-01`)
        .set(planner)
        .expect(400);
      expect(query.body.details).toEqual([
        { field: 'from', reason: expect.stringMatching(/real calendar date/) },
      ]);
      const body = await request(service.url)
        .post('/api/jobs/nightly-refit/run')
        .set(admin)
        .send({ date })
        .expect(400);
      expect(body.body.details).toEqual([
        { field: 'date', reason: expect.stringMatching(/real calendar date/) },
      ]);
    },
  );

  it('refuses a 600 KB sign-in body of 60,000 unknown keys with one short problem, health answered meanwhile (point 3)', async () => {
    const keys = Object.fromEntries(
      Array.from({ length: 60_000 }, (_, index) => [`k${index.toString(36)}`, 'v']),
    );
    const [hostile, health] = await Promise.all([
      signIn().send(JSON.stringify(keys)),
      request(service.url).get('/api/health'),
    ]);
    expect(JSON.stringify(keys).length).toBeGreaterThan(600_000);
    expect(hostile.status).toBe(400);
    expect(hostile.body.details).toEqual([{ field: 'body', reason: 'must hold at most 100 fields' }]);
    expect(hostile.text.length).toBeLessThan(300);
    expect(health.status).toBe(200);
  });

  it('reports at most 10 validation problems, saying how many more there were (point 3)', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`extra${index}`, 1]));
    const response = await signIn()
      .send({ email: 'a@peakplan.test', password: 'abcdefghijkl', ...unknown })
      .expect(400);
    expect(response.body.details).toHaveLength(10);
    expect(response.body.message).toMatch(/; and 30 more$/);
  });

  it('refuses values that used to be accepted and fail later (point 5)', async () => {
    const count = async (table: string) =>
      (await service.dataSource.query(`select count(*)::int as n from ${table}`))[0].n as number;
    const [jobs, runs, scenarios, users] = [
      await count('job_run'),
      await count('forecast_run'),
      await count('scenario'),
      await count('app_user'),
    ];
    await request(service.url)
      .post('/api/jobs/accuracy-snapshot/run')
      .set(admin)
      .send({ date: '2026-02-30' })
      .expect(400);
    const training = await request(service.url)
      .post('/api/forecast-runs')
      .set(planner)
      .send({ trainingTo: '9999-12-31' })
      .expect(400);
    expect(training.body.details).toEqual([
      { field: 'trainingTo', reason: expect.stringMatching(/^must not be after yesterday/) },
    ]);
    const scenario = (adjustments: object, name = 'Peak') =>
      request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name, forecastRunIds: ['00000000-0000-4000-8000-000000000000'], adjustments });
    const pattern = (weekdays: number[]) => ({
      coreStaff: [{ weekdays, from: '08:00', to: '17:00', agents: 3 }],
    });
    const tenThousand = await scenario(pattern(new Array(10_000).fill(1))).expect(400);
    expect(tenThousand.body.details).toEqual([
      { field: 'adjustments.coreStaff[0].weekdays', reason: 'must hold at most 1000 items' },
    ]);
    const eight = await scenario(pattern([0, 1, 2, 3, 4, 5, 6, 0])).expect(400);
    expect(eight.body.details.map((detail: { reason: string }) => detail.reason).join(' ')).toMatch(
      /no more than 7 elements.*unique|unique.*no more than 7/,
    );
    const blank = await scenario({}, ' \t\n ').expect(400);
    expect(blank.body.details).toEqual([
      { field: 'name', reason: 'name must not be empty or only whitespace' },
    ]);
    await request(service.url)
      .post('/api/accounts')
      .set(admin)
      .send({ email: 'blank@peakplan.test', name: '   ', roles: ['planner'] })
      .expect(400);
    expect([
      await count('job_run'),
      await count('forecast_run'),
      await count('scenario'),
      await count('app_user'),
    ]).toEqual([jobs, runs, scenarios, users]);
  });

  it('accepts 29 February of a leap year', async () => {
    await request(service.url)
      .get(`/api/queues/${queueId}/history/daily?from=2024-02-29&to=2026-03-01`)
      .set(planner)
      .expect(200);
  });

  it('starts forecast runs for all queues or for none: a queue without history refuses the whole start (point 4)', async () => {
    await service.dataSource.query(
      `insert into queue (organisation_id, name, kind, service_level_target, target_seconds, aht_seconds)
       select id, 'zz-no-history', 'live', 0.8, 20, 300 from organisation`,
    );
    const before = await service.dataSource.query(`select count(*)::int as n from forecast_run`);
    const refused = await request(service.url)
      .post('/api/forecast-runs')
      .set(planner)
      .send({ trainingTo: '2026-02-28', horizonDays: 7 })
      .expect(400);
    expect(refused.body.message).toMatch(/"zz-no-history" has no history/);
    // The queues before it in name order used to keep a run "queued" that later failed as interrupted.
    expect(await service.dataSource.query(`select count(*)::int as n from forecast_run`)).toEqual(before);
  });

  it('documents the sign-in, change-password, create-account, set-roles and pool-approval bodies in OpenAPI (point 11)', async () => {
    const document = (await request(service.url).get('/api/docs-json').expect(200)).body as {
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const fields = (name: string) => Object.keys(document.components.schemas[name]?.properties ?? {}).sort();
    expect(fields('LoginDto')).toEqual(['email', 'password']);
    expect(fields('ChangePasswordDto')).toEqual(['currentPassword', 'newPassword']);
    expect(fields('CreateAccountDto')).toEqual(['department', 'email', 'name', 'password', 'roles']);
    expect(document.components.schemas['CreateAccountDto']!.required!.sort()).toEqual([
      'email',
      'name',
      'roles',
    ]);
    expect(fields('SetRolesDto')).toEqual(['roles']);
    expect(fields('PoolApprovalDto')).toEqual(['decision']);
  });

  it('reads every CSV upload with one rule: a BOM or CR LF is refused with the same message by the history and accounts imports (point 10)', async () => {
    const bom = '\ufeffname,email,department,roles\nAnna,anna@example.com,Finance,pool-member\n';
    const crlf = 'name,email,department,roles\r\nAnna,anna@example.com,Finance,pool-member\r\n';
    const upload = (path: string, headers: Record<string, string>, text: string) =>
      request(service.url).post(path).set(headers).set('Content-Type', 'text/csv').send(text);
    for (const [text, message] of [
      [bom, /^row 1: the file starts with a UTF-8 byte-order mark \(BOM\)/],
      [crlf, /^row 1: the line ends with CR LF \(Windows line ends\)/],
    ] as const) {
      const history = await upload('/api/history/imports', planner, text).expect(400);
      const accounts = await upload('/api/accounts/import', admin, text).expect(400);
      expect(history.body.message).toMatch(message);
      // The history import adds "; nothing was imported", as it does to every refusal.
      expect(history.body.message).toBe(`${accounts.body.message}; nothing was imported`);
      expect(accounts.body.details).toEqual(history.body.details);
    }
  });

  it('keeps the record of an import killed with the service, answered as interrupted (point 8)', async () => {
    // While an upload is read, its import is recorded as running.
    const importId = randomUUID();
    const upload = httpRequest(`${service.url}/api/history/imports`, {
      method: 'POST',
      headers: { ...planner, 'Content-Type': 'text/csv', 'X-Import-Id': importId },
    });
    upload.on('error', () => undefined);
    upload.write('queue,start,offered\n');
    let rows: { status: string }[] = [];
    for (let attempt = 0; attempt < 100 && rows.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows = await service.dataSource.query(`select status from history_import where id = $1`, [importId]);
    }
    expect(rows).toEqual([{ status: 'running' }]);
    upload.destroy();
    // A process killed mid-import leaves its row running and its staging run behind, then dies: here the
    // staging run is made to look like another process's, untouched for an hour.
    const killedId = randomUUID();
    await service.dataSource.query(
      `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
       values ($1, 'running', 'big.csv', 'planner@peakplan.test', now() - interval '1 hour', null, $2)`,
      [
        killedId,
        JSON.stringify({
          importId: killedId,
          status: 'running',
          phase: 'reading',
          fileName: 'big.csv',
          bytesRead: 10,
          rowsRead: 5,
          rejected: 0,
          startedAt: '2026-12-01T10:00:00.000Z',
        }),
      ],
    );
    await service.dataSource.query(
      `insert into history_staging_run (id, import_id, started_at, touched_at) values ($1, $2, now() - interval '1 hour', now() - interval '1 hour')`,
      [randomUUID(), killedId],
    );
    const status = await request(service.url)
      .get(`/api/history/imports/${killedId}`)
      .set(planner)
      .expect(200);
    expect(status.body).toMatchObject({
      importId: killedId,
      status: 'interrupted',
      fileName: 'big.csv',
      rowsRead: 5,
      inserted: 0,
    });
    expect(status.body.message).toMatch(/^interrupted: the service stopped/);
    const list = await request(service.url).get('/api/history/imports').set(planner).expect(200);
    expect(list.body.find((entry: { importId: string }) => entry.importId === killedId)?.status).toBe(
      'interrupted',
    );
  });

  it('keeps the daily history aggregate equal to the 15-minute rows after the demo load and after an import (point 6)', async () => {
    const onTheFly = `select c.queue_id, to_char((c.interval_start at time zone o.time_zone)::date, 'YYYY-MM-DD') as day,
        sum(c.offered)::int as offered, coalesce(sum(c.handled), 0)::int as handled, coalesce(sum(c.abandoned), 0)::int as abandoned
        from contact_history c join queue q on q.id = c.queue_id join organisation o on o.id = q.organisation_id
       group by 1, 2 order by 1, 2`;
    const kept = `select queue_id, to_char(local_date, 'YYYY-MM-DD') as day, offered::int, handled::int, abandoned::int
        from contact_history_daily order by 1, 2`;
    const demo = await service.dataSource.query(kept);
    expect(demo.length).toBeGreaterThan(0);
    expect(demo).toEqual(await service.dataSource.query(onTheFly));
    const [{ id, name }] = await service.dataSource.query(
      `select id, name from queue where name <> 'zz-no-history' order by name limit 1`,
    );
    const [before] = (
      await request(service.url)
        .get(`/api/queues/${id}/history/daily?from=2026-02-27&to=2026-02-27`)
        .set(planner)
        .expect(200)
    ).body.days;
    // One interval of 27 February set to 5,000 offered (an update) and one on a day without history (an insert).
    const csv = `queue,start,offered\n${name},2026-02-27T10:00:00+01:00,5000\n${name},2025-06-01T10:00:00+02:00,7\n`;
    await request(service.url)
      .post('/api/history/imports')
      .set(planner)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(await service.dataSource.query(kept)).toEqual(await service.dataSource.query(onTheFly));
    const after = (
      await request(service.url)
        .get(`/api/queues/${id}/history/daily?from=2025-06-01&to=2026-02-27`)
        .set(planner)
        .expect(200)
    ).body.days;
    expect(after[0]).toEqual({ date: '2025-06-01', offered: 7, handled: 0, abandoned: 0 });
    expect(after.at(-1).offered).toBeGreaterThan(before.offered);
  });

  it('refuses fields sent to a route that reads no body, instead of acting on them', async () => {
    // member003 is one of the demo's approved pool members; leaving is an action with no body.
    const member = await sessionHeaders(service, 'member003@peakplan.test');
    const state = () =>
      service.dataSource.query(`select m.* from pool_member m join app_user u on u.id = m.user_id
                                 where u.email = 'member003@peakplan.test'`);
    const before = await state();
    const refused = await request(service.url)
      .post('/api/pool/me/leave')
      .set(member)
      .send({ confirm: true, reason: 'x' })
      .expect(400);
    expect(refused.body).toMatchObject({
      ...ERROR_SHAPE,
      details: [{ field: 'body', reason: 'must be empty' }],
    });
    // An empty JSON array, or a body of another type, is not "no body" either.
    await request(service.url).post('/api/pool/me/leave').set(member).send([]).expect(400);
    await request(service.url)
      .post('/api/pool/me/leave')
      .set(member)
      .set('Content-Type', 'text/plain')
      .send('leave please')
      .expect(415);
    expect(await state()).toEqual(before);
    // An empty object, as many clients send with a POST, is no body: the route acts.
    await request(service.url).post('/api/pool/me/calendar-feed/renew').set(member).send({}).expect(200);
  });
});
