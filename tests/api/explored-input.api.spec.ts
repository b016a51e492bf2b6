/* Found by using the API as a planner, a pool member and a manager would: impossible dates that reached
 * PostgreSQL (a 500), a scenario that counted one forecast run twice, costs that became null, and
 * refusals that named a field the caller never sent or no field at all. Each refusal names its field
 * and changes nothing. */
import request from 'supertest';

import type { ForecastRunSummary, PoolMemberDto, ScenarioDto, ScenarioResult } from '@peakplan/contracts';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('input found wrong by exploring the API', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let member: Record<string, string>;
  let runId: string;
  let queueId: string;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 60, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    manager = await sessionHeaders(service, 'manager@peakplan.test');
    member = await sessionHeaders(service, 'member001@peakplan.test');
    [{ id: queueId }] = await service.dataSource.query(`select id from queue where name = 'phone'`);
    const [run] = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId, trainingTo: '2026-02-28', horizonDays: 14 })
        .expect(202)
    ).body as ForecastRunSummary[];
    runId = run.id;
    await service.service.app.get(ForecastRunsService).waitFor([runId]);
  });
  afterAll(() => service?.stop());

  it('refuses impossible dates of pool members and shifts with a 400 naming the field, changing nothing', async () => {
    const before = (await request(service.url).get('/api/pool/me').set(member).expect(200))
      .body as PoolMemberDto;
    const shiftsBefore = await service.dataSource.query(`select count(*)::int as n from pool_shift`);
    // Both used to reach PostgreSQL and come back as a 500.
    for (const date of ['2027-02-30', '0000-02-10']) {
      const datesOff = await request(service.url)
        .put('/api/pool/me/availability')
        .set(member)
        .send({ datesOff: [date] })
        .expect(400);
      expect(datesOff.body.details).toEqual([
        { field: 'datesOff', reason: expect.stringMatching(/real calendar date/) },
      ]);
    }
    const skills = await request(service.url)
      .put(`/api/pool/members/${before.memberId}/skills`)
      .set(planner)
      .send({ skills: [{ skill: 'phone', trainedOn: '2026-02-30', expiresOn: '2028-02-29' }] })
      .expect(400);
    expect(skills.body.details).toEqual([
      { field: 'skills.0.trainedOn', reason: expect.stringMatching(/real calendar date/) },
    ]);
    // Was "start: 2027-02-30 09:00 does not exist in Europe/Amsterdam".
    const shift = await request(service.url)
      .post('/api/pool/shifts')
      .set(planner)
      .send({ date: '2027-02-30', start: '09:00', end: '13:00', skill: 'phone', places: 2 })
      .expect(400);
    expect(shift.body.details).toEqual([
      { field: 'date', reason: expect.stringMatching(/real calendar date/) },
    ]);
    // Was "signUpClosesAt: must be after signUpOpensAt", a field this request does not hold.
    const past = await request(service.url)
      .post('/api/pool/shifts')
      .set(planner)
      .send({ date: '2026-01-05', start: '09:00', end: '13:00', skill: 'phone', places: 2 })
      .expect(400);
    expect(past.body.details).toEqual([
      {
        field: 'date',
        reason: expect.stringMatching(/^the shift starts at .*not after its sign-up opens \(now\)/),
      },
    ]);
    const after = (await request(service.url).get('/api/pool/me').set(member).expect(200))
      .body as PoolMemberDto;
    expect(after).toEqual(before);
    expect(await service.dataSource.query(`select count(*)::int as n from pool_shift`)).toEqual(shiftsBefore);
  });

  it('refuses a reward name and a points grant reason of only spaces, which were stored empty', async () => {
    const admin = await sessionHeaders(service, 'admin@peakplan.test');
    const [rewards, ledger] = [
      await service.dataSource.query(`select count(*)::int as n from pool_reward`),
      await service.dataSource.query(`select count(*)::int as n from pool_point_line`),
    ];
    const reward = await request(service.url)
      .post('/api/pool/rewards')
      .set(admin)
      .send({ name: '   ', price: 10, stock: 1 })
      .expect(400);
    expect(reward.body.details).toEqual([
      { field: 'name', reason: 'name must not be empty or only whitespace' },
    ]);
    const { memberId } = (await request(service.url).get('/api/pool/me').set(member).expect(200))
      .body as PoolMemberDto;
    const grant = await request(service.url)
      .post('/api/pool/points/grants')
      .set(planner)
      .send({ memberId, points: 5, reason: '    ' })
      .expect(400);
    expect(grant.body.details).toEqual([
      { field: 'reason', reason: 'reason must not be empty or only whitespace' },
    ]);
    expect([
      await service.dataSource.query(`select count(*)::int as n from pool_reward`),
      await service.dataSource.query(`select count(*)::int as n from pool_point_line`),
    ]).toEqual([rewards, ledger]);
  });

  it('refuses a JSON route’s body of another type with a 415 saying so, instead of every field missing', async () => {
    const queues = await service.dataSource.query(`select count(*)::int as n from queue`);
    const queue = {
      name: 'text-q',
      kind: 'live',
      serviceLevelTarget: 0.8,
      targetSeconds: 20,
      ahtSeconds: 300,
    };
    for (const [contentType, body] of [
      ['text/plain', JSON.stringify(queue)],
      ['application/x-www-form-urlencoded', new URLSearchParams(queue as never).toString()],
    ]) {
      const response = await request(service.url)
        .post('/api/queues')
        .set(planner)
        .set('Content-Type', contentType)
        .send(body)
        .expect(415);
      expect(response.body.message).toBe(
        `send the body as JSON with Content-Type application/json (got "${contentType}")`,
      );
      expect(response.body.details).toEqual([{ field: 'body', reason: 'must be sent as application/json' }]);
    }
    expect(await service.dataSource.query(`select count(*)::int as n from queue`)).toEqual(queues);
    // The same body as JSON is taken.
    await request(service.url).post('/api/queues').set(planner).send(queue).expect(201);
  });

  it('refuses a scenario naming one forecast run twice, which counted its queue twice', async () => {
    const single = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Once', forecastRunIds: [runId] })
        .expect(201)
    ).body as ScenarioDto;
    const twice = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({ name: 'Twice', forecastRunIds: [runId, runId.toUpperCase()] })
      .expect(400);
    expect(twice.body.details).toEqual([
      { field: 'forecastRunIds[1]', reason: 'the same run as forecastRunIds[0]' },
    ]);
    // An upper-case id is the same run, as GET /api/forecast-runs/:id reads it (was "does not exist").
    const upper = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Upper', forecastRunIds: [runId.toUpperCase()] })
        .expect(201)
    ).body as ScenarioDto;
    expect(upper.forecastRunIds).toEqual([runId]);
    const totals = async (id: string) =>
      (
        (
          await request(service.url)
            .get(`/api/scenarios/${id}/result?intervals=false`)
            .set(manager)
            .expect(200)
        ).body as ScenarioResult
      ).totals;
    expect(await totals(upper.id)).toEqual(await totals(single.id));
    expect(await service.dataSource.query(`select name from scenario where name = 'Twice'`)).toEqual([]);
  });

  it.each(['/api/scenarios/compare', '/api/forecast-runs/compare'])(
    'refuses ids on %s that are 36 hex digits and dashes but no uuid (was a 500)',
    async (route) => {
      for (const bad of ['-'.repeat(36), 'a'.repeat(36)]) {
        const response = await request(service.url)
          .get(`${route}?ids=${bad},${runId}`)
          .set(planner)
          .expect(400);
        expect(response.body.details).toEqual([
          {
            field: 'ids',
            reason: expect.stringMatching(/^ids must be two or more .* ids, comma-separated$/),
          },
        ]);
      }
    },
  );

  it('refuses an audit page before a year PostgreSQL cannot keep (was a 500), and from after to', async () => {
    const admin = await sessionHeaders(service, 'admin@peakplan.test');
    const ancient = await request(service.url).get('/api/audit?before=-271821-04-20').set(admin).expect(400);
    expect(ancient.body.details).toEqual([{ field: 'before', reason: 'before must not be before 1900' }]);
    const backwards = await request(service.url)
      .get('/api/audit?from=2026-03-10&to=2026-03-05')
      .set(admin)
      .expect(400);
    expect(backwards.body.details).toEqual([{ field: 'from', reason: 'must not be after to (2026-03-05)' }]);
  });

  it('refuses a core staff pattern that ends at or before it starts, which counted as no core staff', async () => {
    const response = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({
        name: 'Night',
        forecastRunIds: [runId],
        adjustments: {
          coreStaff: [
            { queue: 'phone', weekdays: [1], from: '08:00', to: '17:00', agents: 3 },
            { queue: 'phone', weekdays: [1], from: '17:00', to: '08:00', agents: 3 },
          ],
        },
      })
      .expect(400);
    expect(response.body.details).toEqual([
      {
        field: 'adjustments.coreStaff[1].to',
        reason: 'must be after from (17:00); a night is two patterns, to 24:00 and from 00:00',
      },
    ]);
    expect(await service.dataSource.query(`select name from scenario where name = 'Night'`)).toEqual([]);
  });

  it('refuses a core staff pattern for a queue the scenario does not plan, which counted as no core staff', async () => {
    const pattern = { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '17:00', agents: 3 };
    const refused = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({
        name: 'Typo',
        forecastRunIds: [runId],
        adjustments: {
          coreStaff: [
            { ...pattern, queue: 'phone' },
            { ...pattern, queue: 'Phone' },
          ],
        },
      })
      .expect(400);
    expect(refused.body.details).toEqual([
      {
        field: 'adjustments.coreStaff[1].queue',
        reason: '"Phone" is not a queue of this scenario (its queues: phone)',
      },
    ]);
    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'By id',
          forecastRunIds: [runId],
          adjustments: { coreStaff: [{ ...pattern, queue: queueId }] },
        })
        .expect(201)
    ).body as ScenarioDto;
    const changed = await request(service.url)
      .patch(`/api/scenarios/${scenario.id}`)
      .set(planner)
      .send({ adjustments: { coreStaff: [{ ...pattern, queue: 'chat' }] } })
      .expect(400);
    expect(changed.body.details[0].field).toBe('adjustments.coreStaff[0].queue');
    expect(await service.dataSource.query(`select name from scenario where name = 'Typo'`)).toEqual([]);
  });

  it('refuses an uplift for an event key the organisation does not have, which lifted nothing', async () => {
    const response = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({
        name: 'Valentine typo',
        forecastRunIds: [runId],
        adjustments: { eventUplift: { valentine: 0.3 } },
      })
      .expect(400);
    expect(response.body.details).toEqual([
      {
        field: 'adjustments.eventUplift.valentine',
        reason: expect.stringMatching(/^no event has the key "valentine" \(events: .*valentines.*\)$/),
      },
    ]);
    await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({ name: 'Valentine', forecastRunIds: [runId], adjustments: { eventUplift: { valentines: 0.3 } } })
      .expect(201);
  });

  it('refuses an hourly cost so large that the cost of the scenario was answered as null', async () => {
    const response = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({ name: 'Rich', forecastRunIds: [runId], adjustments: { poolHourlyCost: 1e308 } })
      .expect(400);
    expect(response.body.details).toEqual([
      { field: 'adjustments.poolHourlyCost', reason: 'poolHourlyCost must not be greater than 100000' },
    ]);
  });

  it.each([
    '/api/forecast-runs/:run/accuracy',
    '/api/forecast-runs/:run/intervals',
    '/api/queues/:queue/history/daily',
  ])(
    'refuses from after to on %s, naming the field (accuracy and intervals answered an empty period)',
    async (route) => {
      const path = route.replace(':run', runId).replace(':queue', queueId);
      const response = await request(service.url)
        .get(`${path}?from=2026-03-10&to=2026-03-05`)
        .set(manager)
        .expect(400);
      expect(response.body.details).toEqual([{ field: 'from', reason: 'must not be after to (2026-03-05)' }]);
    },
  );
});
