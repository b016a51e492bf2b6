/* Queues and events created, changed and retired through the API by a planner, against the real
 * database: validation names the field, changes are audited with before and after, retired ones leave
 * the lists and the occurrences. Also the session check the sign-in page makes. */
import request from 'supertest';

import type {
  ApiError,
  AuditEventDto,
  EventDto,
  EventOccurrenceDto,
  QueueDto,
  SessionResponse,
} from '@peakplan/contracts';

import { signIn, type SignedIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const RETURNS_QUEUE = {
  name: 'returns',
  kind: 'live',
  serviceLevelTarget: 0.8,
  targetSeconds: 30,
  ahtSeconds: 240,
  patienceSeconds: 90,
};

describe('queue and event upkeep on a real database', () => {
  let service: TestService;
  let planner: SignedIn;
  let manager: Record<string, string>;

  const audit = async (entityId: string) =>
    (await request(service.url).get('/api/audit').query({ entityId }).set(manager).expect(200))
      .body as AuditEventDto[];

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await signIn(service.url, 'planner@peakplan.test');
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
  });
  afterAll(() => service?.stop());

  describe('queues', () => {
    it('creates a queue with defaults, audited', async () => {
      const created = (
        await request(service.url).post('/api/queues').set(planner.bearer).send(RETURNS_QUEUE).expect(201)
      ).body as QueueDto;
      expect(created).toEqual({
        id: expect.any(String),
        ...RETURNS_QUEUE,
        concurrency: 1,
        intervalMinutes: 15,
        repeatWindowDays: 7,
        retiredAt: null,
      });
      const [entry] = await audit(created.id);
      expect(entry).toMatchObject({
        action: 'queue.created',
        actorEmail: 'planner@peakplan.test',
        after: { name: 'returns' },
      });
      const names = (
        (await request(service.url).get('/api/queues').set(manager).expect(200)).body as QueueDto[]
      ).map((queue) => queue.name);
      expect(names).toContain('returns');
    });

    it('refuses a bad queue with a 400 naming each field, and writes nothing', async () => {
      const response = await request(service.url)
        .post('/api/queues')
        .set(planner.bearer)
        .send({ ...RETURNS_QUEUE, name: 'bad', serviceLevelTarget: 1.2, kind: 'phone', concurrency: 11 })
        .expect(400);
      const body = response.body as ApiError;
      expect(body.details.map((detail) => detail.field).sort()).toEqual([
        'concurrency',
        'kind',
        'serviceLevelTarget',
      ]);
      const [row] = await service.dataSource.query(`select count(*)::int as n from queue where name = 'bad'`);
      expect(row.n).toBe(0);
    });

    it('answers a taken name with 409 on create and on rename', async () => {
      const taken = await request(service.url)
        .post('/api/queues')
        .set(planner.bearer)
        .send({ ...RETURNS_QUEUE, name: 'chat' })
        .expect(409);
      expect((taken.body as ApiError).details).toEqual([{ field: 'name', reason: 'already taken' }]);
      const [returns] = await service.dataSource.query(`select id from queue where name = 'returns'`);
      await request(service.url)
        .patch(`/api/queues/${returns.id}`)
        .set(planner.bearer)
        .send({ name: 'email' })
        .expect(409);
    });

    it('changes only the fields given, with before and after in the audit', async () => {
      const [returns] = await service.dataSource.query(`select id from queue where name = 'returns'`);
      const changed = (
        await request(service.url)
          .patch(`/api/queues/${returns.id}`)
          .set(planner.bearer)
          .send({ ahtSeconds: 300, patienceSeconds: null })
          .expect(200)
      ).body as QueueDto;
      expect(changed).toMatchObject({
        name: 'returns',
        ahtSeconds: 300,
        patienceSeconds: null,
        targetSeconds: 30,
      });
      const [entry] = await audit(returns.id);
      expect(entry).toMatchObject({
        action: 'queue.updated',
        before: { ahtSeconds: 240, patienceSeconds: 90 },
        after: { ahtSeconds: 300, patienceSeconds: null },
      });
      // A null for a required field is refused, not stored; the interval length cannot change.
      await request(service.url)
        .patch(`/api/queues/${returns.id}`)
        .set(planner.bearer)
        .send({ name: null })
        .expect(400);
      await request(service.url)
        .patch(`/api/queues/${returns.id}`)
        .set(planner.bearer)
        .send({ intervalMinutes: 30 })
        .expect(400);
    });

    it('retires a queue: gone from the list, kept with includeRetired, audited once', async () => {
      const [returns] = await service.dataSource.query(`select id from queue where name = 'returns'`);
      const retired = (
        await request(service.url).delete(`/api/queues/${returns.id}`).set(planner.bearer).expect(200)
      ).body as QueueDto;
      expect(retired.retiredAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
      // Retiring again changes nothing.
      await request(service.url).delete(`/api/queues/${returns.id}`).set(planner.bearer).expect(200);
      const inUse = (await request(service.url).get('/api/queues').set(manager).expect(200))
        .body as QueueDto[];
      expect(inUse.map((queue) => queue.name)).not.toContain('returns');
      const all = (await request(service.url).get('/api/queues?includeRetired=true').set(manager).expect(200))
        .body as QueueDto[];
      expect(all.find((queue) => queue.name === 'returns')?.retiredAt).toBe(retired.retiredAt);
      expect((await audit(returns.id)).filter((entry) => entry.action === 'queue.retired')).toHaveLength(1);
    });

    it('lets a manager read but not change queues, and a cookie session change them only with the CSRF header', async () => {
      await request(service.url).post('/api/queues').set(manager).send(RETURNS_QUEUE).expect(403);
      await request(service.url)
        .post('/api/queues')
        .set('Cookie', planner.cookie)
        .send({ ...RETURNS_QUEUE, name: 'no-csrf' })
        .expect(403);
      await request(service.url)
        .post('/api/queues')
        .set('Cookie', planner.cookie)
        .set('X-XSRF-TOKEN', planner.csrfToken)
        .send({ ...RETURNS_QUEUE, name: 'with-csrf' })
        .expect(201);
    });

    it('answers an unknown queue with 404', async () => {
      await request(service.url)
        .patch('/api/queues/00000000-0000-4000-8000-000000000000')
        .set(planner.bearer)
        .send({ ahtSeconds: 100 })
        .expect(404);
    });
  });

  describe('events', () => {
    const occurrences = async (from: string, to: string) =>
      (await request(service.url).get('/api/events/occurrences').query({ from, to }).set(manager).expect(200))
        .body as EventOccurrenceDto[];

    it('creates a recurring event with a key made from its name; the calendar resolves it', async () => {
      // Last Friday of August: 2026-08-28 (31 August 2026 is a Monday, so the Friday before is the 28th).
      const created = (
        await request(service.url)
          .post('/api/events')
          .set(planner.bearer)
          .send({
            name: 'Back to school',
            rule: { kind: 'last-weekday', month: 8, weekday: 5 },
            windowBefore: 5,
            windowAfter: 2,
            region: 'NL',
          })
          .expect(201)
      ).body as EventDto;
      expect(created).toMatchObject({ key: 'back-to-school', region: 'NL', retiredAt: null });
      expect(await occurrences('2026-08-01', '2026-08-31')).toEqual([
        { eventId: created.id, name: 'Back to school', date: '2026-08-28' },
      ]);
      expect((await audit(created.id))[0]).toMatchObject({ action: 'event.created' });
    });

    it('creates a one-off campaign and a day-after rule', async () => {
      const campaign = (
        await request(service.url)
          .post('/api/events')
          .set(planner.bearer)
          .send({
            name: 'Spring sale 2026',
            rule: { kind: 'one-off', dates: ['2026-04-02', '2026-04-09'] },
            windowBefore: 0,
            windowAfter: 1,
          })
          .expect(201)
      ).body as EventDto;
      expect(campaign.key).toBe('spring-sale-2026');
      // Cyber Monday = 3 days after Black Friday; Black Friday 2026 = 27 Nov (4th Thursday = 26 Nov).
      const cyber = (
        await request(service.url)
          .post('/api/events')
          .set(planner.bearer)
          .send({
            key: 'cyber-monday',
            name: 'Cyber Monday',
            rule: {
              kind: 'day-after',
              days: 4,
              rule: { kind: 'nth-weekday', month: 11, weekday: 4, n: 4 },
            },
            windowBefore: 0,
            windowAfter: 0,
          })
          .expect(201)
      ).body as EventDto;
      const dates = await occurrences('2026-04-01', '2026-12-31');
      expect(dates.filter((entry) => entry.eventId === campaign.id).map((entry) => entry.date)).toEqual([
        '2026-04-02',
        '2026-04-09',
      ]);
      expect(dates.filter((entry) => entry.eventId === cyber.id).map((entry) => entry.date)).toEqual([
        '2026-11-30',
      ]);
    });

    it.each([
      [{ kind: 'fixed', month: 13, day: 1 }, 'rule.month'],
      [{ kind: 'fixed', month: 4, day: 31 }, 'rule'],
      [{ kind: 'nth-weekday', month: 5, weekday: 7, n: 2 }, 'rule.weekday'],
      [{ kind: 'one-off', dates: ['2026-02-30'] }, 'rule.dates.0'],
      [{ kind: 'one-off', dates: [] }, 'rule.dates'],
      [{ kind: 'weekly' }, 'rule.kind'],
      [{ kind: 'fixed', month: 2, day: 14, extra: 1 }, 'rule'],
      [{ kind: 'day-after', rule: { kind: 'easter-offset', days: 1.5 } }, 'rule.rule.days'],
    ])('refuses the rule %j with a 400 naming %s', async (rule, field) => {
      const response = await request(service.url)
        .post('/api/events')
        .set(planner.bearer)
        .send({ name: `Bad ${field}`, rule, windowBefore: 1, windowAfter: 1 })
        .expect(400);
      expect((response.body as ApiError).details[0].field).toBe(field);
    });

    it('refuses windows beyond 60 days, a bad region and a taken key', async () => {
      const base = { name: 'Valentine again', rule: { kind: 'fixed', month: 2, day: 14 }, windowAfter: 1 };
      const wide = await request(service.url)
        .post('/api/events')
        .set(planner.bearer)
        .send({ ...base, windowBefore: 61 })
        .expect(400);
      expect((wide.body as ApiError).details[0].field).toBe('windowBefore');
      await request(service.url)
        .post('/api/events')
        .set(planner.bearer)
        .send({ ...base, windowBefore: 1, region: 'netherlands' })
        .expect(400);
      const taken = await request(service.url)
        .post('/api/events')
        .set(planner.bearer)
        .send({ ...base, windowBefore: 1, key: 'valentines' })
        .expect(409);
      expect((taken.body as ApiError).details[0].field).toBe('key');
    });

    it('updates an event and retires it: it leaves the list and the occurrences', async () => {
      const [school] = await service.dataSource.query(`select id from event where key = 'back-to-school'`);
      const changed = (
        await request(service.url)
          .patch(`/api/events/${school.id}`)
          .set(planner.bearer)
          .send({ rule: { kind: 'fixed', month: 8, day: 24 }, windowBefore: 7 })
          .expect(200)
      ).body as EventDto;
      expect(changed).toMatchObject({
        key: 'back-to-school',
        rule: { kind: 'fixed', month: 8, day: 24 },
        windowBefore: 7,
      });
      expect((await audit(school.id))[0]).toMatchObject({
        action: 'event.updated',
        before: { windowBefore: 5, rule: { kind: 'last-weekday' } },
        after: { windowBefore: 7 },
      });
      await request(service.url)
        .patch(`/api/events/${school.id}`)
        .set(planner.bearer)
        .send({ key: 'renamed' })
        .expect(400);

      await request(service.url).delete(`/api/events/${school.id}`).set(planner.bearer).expect(200);
      expect(await occurrences('2026-08-01', '2026-08-31')).toEqual([]);
      const inUse = (await request(service.url).get('/api/events').set(manager).expect(200))
        .body as EventDto[];
      expect(inUse.map((event) => event.key)).not.toContain('back-to-school');
      const all = (await request(service.url).get('/api/events?includeRetired=true').set(manager).expect(200))
        .body as EventDto[];
      expect(all.find((event) => event.key === 'back-to-school')?.retiredAt).not.toBeNull();
    });
  });

  describe('session check', () => {
    it('answers 200 with user null without a session, and the person with one', async () => {
      expect((await request(service.url).get('/api/auth/session').expect(200)).body).toEqual({ user: null });
      expect(
        (
          await request(service.url)
            .get('/api/auth/session')
            .set('Cookie', 'peakplan_session=not-a-real-session')
            .expect(200)
        ).body,
      ).toEqual({ user: null });
      const signedIn = (
        await request(service.url).get('/api/auth/session').set('Cookie', planner.cookie).expect(200)
      ).body as SessionResponse;
      expect(signedIn.user).toMatchObject({ email: 'planner@peakplan.test', roles: ['planner'] });
    });
  });
});
