import request from 'supertest';

import type { DailyHistoryResponse, EventOccurrenceDto, HealthResponse, QueueDto } from '@peakplan/contracts';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('foundation API on a real database', () => {
  let service: TestService;
  /** The demo planner's bearer header: every route but health needs a signed-in person. */
  let planner: Record<string, string>;

  beforeAll(async () => {
    // 70 days of demo history before 1 March 2026: Valentine's 2026 (a Saturday) is inside it.
    service = await startTestService({ demoHistoryDays: 70, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
  });
  afterAll(() => service?.stop());

  it('reports health with the database kind and no pending migrations', async () => {
    const response = await request(service.url).get('/api/health').expect(200);
    const health = response.body as HealthResponse;
    expect(health.database.kind).toBe(process.env['DATABASE_URL'] ? 'server' : 'embedded');
    expect(health.database.migrationsRun).toContain('InitialSchema1764000000000');
    expect(health.database.migrationsPending).toEqual([]);
  });

  it('serves the OpenAPI document with the queue routes', async () => {
    const response = await request(service.url).get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/queues', '/api/queues/{queueId}/history/daily']),
    );
  });

  it('lists the demo queues with their service targets', async () => {
    const queues = (await request(service.url).get('/api/queues').set(planner).expect(200))
      .body as QueueDto[];
    expect(queues.map((queue) => queue.name)).toEqual(['chat', 'email', 'phone']);
    const phone = queues.find((queue) => queue.name === 'phone')!;
    expect(phone).toMatchObject({ kind: 'live', serviceLevelTarget: 0.8, targetSeconds: 20, concurrency: 1 });
    expect(queues.find((queue) => queue.name === 'email')!.kind).toBe('deferred');
  });

  it('sums interval history into local days, with the Valentine build-up visible', async () => {
    const queues = (await request(service.url).get('/api/queues').set(planner)).body as QueueDto[];
    const phone = queues.find((queue) => queue.name === 'phone')!;
    const history = (
      await request(service.url)
        .get(`/api/queues/${phone.id}/history/daily?from=2026-01-20&to=2026-02-28`)
        .set(planner)
        .expect(200)
    ).body as DailyHistoryResponse;
    expect(history.days[0].date).toBe('2026-01-20');
    expect(history.days.at(-1)!.date).toBe('2026-02-28');
    expect(history.days).toHaveLength(40);
    for (const day of history.days) expect(day.handled + day.abandoned).toBe(day.offered);
    const offeredOn = (date: string) => history.days.find((day) => day.date === date)!.offered;
    // Friday 13 Feb 2026 (eve of a Saturday Valentine's) against Friday 23 Jan, three weeks earlier.
    expect(offeredOn('2026-02-13')).toBeGreaterThan(1.8 * offeredOn('2026-01-23'));

    const [{ total }] = await service.dataSource.query(
      `select sum(offered)::int as total from contact_history where queue_id = $1
          and interval_start >= '2026-01-20T00:00:00+01:00' and interval_start < '2026-03-01T00:00:00+01:00'`,
      [phone.id],
    );
    expect(history.days.reduce((sum, day) => sum + day.offered, 0)).toBe(total);
  });

  it('resolves the organisation event dates with the calendar engine', async () => {
    const occurrences = (
      await request(service.url)
        .get('/api/events/occurrences?from=2026-01-01&to=2026-12-31')
        .set(planner)
        .expect(200)
    ).body as EventOccurrenceDto[];
    expect(occurrences.map((occurrence) => [occurrence.name, occurrence.date])).toEqual([
      ["Valentine's Day", '2026-02-14'],
      ["Mother's Day", '2026-05-10'], // second Sunday of May 2026
      ['Christmas', '2026-12-25'],
    ]);
  });

  it('names the bad field in a validation error', async () => {
    const queues = (await request(service.url).get('/api/queues').set(planner)).body as QueueDto[];
    const response = await request(service.url)
      .get(`/api/queues/${queues[0].id}/history/daily?from=14-02-2026`)
      .set(planner)
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: [{ field: 'from' }],
    });
    expect(response.body.message).toContain('YYYY-MM-DD');
    const unknown = await request(service.url)
      .get('/api/queues/6f1f2f8e-0000-4000-8000-000000000000')
      .set(planner)
      .expect(404);
    expect(unknown.body.message).toContain('does not exist');
  });
});
