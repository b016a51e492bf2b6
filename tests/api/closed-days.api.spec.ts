/* Closed days a planner sets, per queue (date rules) and per event (its date): stored, passed to the
 * forecasting engine by the forecast run, forecast 0 with a 0 band, and never staffed in a scenario. */
import request from 'supertest';

import type {
  AuditEventDto,
  ApiError,
  EventDto,
  ForecastRunDetail,
  ForecastRunSummary,
  QueueDto,
  ScenarioDto,
  ScenarioResult,
} from '@peakplan/contracts';

import { loadForecastInput } from '@peakplan/backend/forecast-runs/forecast-run-input';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('closed days on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let phone: QueueDto;
  let valentines: EventDto;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 400, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    const queues = (await request(service.url).get('/api/queues').set(planner).expect(200))
      .body as QueueDto[];
    phone = queues.find((queue) => queue.name === 'phone')!;
    const events = (await request(service.url).get('/api/events').set(planner).expect(200))
      .body as EventDto[];
    valentines = events.find((event) => /valentine/i.test(event.name))!;
  });
  afterAll(() => service?.stop());

  it('starts with no closed days, and refuses a bad rule naming it, changing nothing', async () => {
    expect(phone.closedDays).toEqual([]);
    expect(valentines.closed).toBe(false);
    const refused = (
      await request(service.url)
        .put(`/api/queues/${phone.id}/closed-days`)
        .set(planner)
        .send({
          closedDays: [
            { kind: 'fixed', month: 2, day: 13 },
            { kind: 'fixed', month: 14, day: 1 },
          ],
        })
        .expect(400)
    ).body as ApiError;
    expect(refused.details).toEqual([
      { field: 'closedDays[1]', reason: expect.stringMatching(/rule.month/) },
    ]);
    for (const body of [{ closedDays: 'fixed' }, { closedDays: [3] }, {}]) {
      const response = await request(service.url)
        .put(`/api/queues/${phone.id}/closed-days`)
        .set(planner)
        .send(body)
        .expect(400);
      expect((response.body as ApiError).message).toMatch(/closedDays|closed day/);
    }
    await request(service.url).put(`/api/events/${valentines.id}/closed`).set(planner).send({}).expect(400);
    const unchanged = (await request(service.url).get(`/api/queues/${phone.id}`).set(planner).expect(200))
      .body as QueueDto;
    expect(unchanged.closedDays).toEqual([]);
    await request(service.url)
      .put(`/api/events/00000000-0000-4000-8000-000000000000/closed`)
      .set(planner)
      .send({ closed: true })
      .expect(404);
  });

  it('closes the phone queue on 13 Feb and every queue on Valentine’s Day: forecast 0, never staffed', async () => {
    const rules = [{ kind: 'fixed', month: 2, day: 13 }];
    const saved = (
      await request(service.url)
        .put(`/api/queues/${phone.id}/closed-days`)
        .set(planner)
        .send({ closedDays: rules })
        .expect(200)
    ).body as QueueDto;
    expect(saved.closedDays).toEqual(rules);
    const event = (
      await request(service.url)
        .put(`/api/events/${valentines.id}/closed`)
        .set(planner)
        .send({ closed: true })
        .expect(200)
    ).body as EventDto;
    expect(event.closed).toBe(true);
    // Both changes are in the audit trail, with what they were before.
    for (const [entity, id, action, before] of [
      ['queue', phone.id, 'queue.closed-days', { closedDays: [] }],
      ['event', valentines.id, 'event.closed', { closed: false }],
    ] as const) {
      const trail = (
        await request(service.url)
          .get(`/api/audit?entityType=${entity}&entityId=${id}`)
          .set(manager)
          .expect(200)
      ).body as AuditEventDto[];
      expect(trail[0]).toMatchObject({ actorEmail: 'planner@peakplan.test', action, before });
    }

    const started = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-01-10', horizonDays: 50 })
        .expect(202)
    ).body as ForecastRunSummary[];
    const ids = started.map((run) => run.id);
    await service.service.app.get(ForecastRunsService).waitFor(ids);
    const phoneRun = started.find((run) => run.queueName === 'phone')!;
    const organisation = (await service.dataSource.query(`select id, time_zone from organisation`))[0] as {
      id: string;
      time_zone: string;
    };
    const input = await loadForecastInput(service.dataSource, phoneRun.id, {
      id: organisation.id,
      timeZone: organisation.time_zone,
    });
    expect(input.closedDays).toEqual(rules);
    expect(input.events.find((candidate) => candidate.closed)?.rule).toEqual({
      kind: 'fixed',
      month: 2,
      day: 14,
    });

    for (const run of started) {
      const detail = (await request(service.url).get(`/api/forecast-runs/${run.id}`).set(manager).expect(200))
        .body as ForecastRunDetail;
      expect(detail.error).toBeNull();
      // 400 days of 15-minute history: the intraday backtest ran and named its choice
      expect(detail.parameters?.intraday?.reason).toContain(detail.parameters?.intraday?.name);
      const day = (date: string) => detail.days.find((candidate) => candidate.date === date)!;
      expect(day('2026-02-14')).toMatchObject({ p10: 0, p50: 0, p90: 0, closed: true });
      if (run.queueName === 'phone')
        expect(day('2026-02-13')).toMatchObject({ p50: 0, p90: 0, closed: true });
      else expect(day('2026-02-13')).toMatchObject({ closed: false });
      expect(day('2026-02-12').p50).toBeGreaterThan(0);
    }

    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'closed days',
          forecastRunIds: ids,
          from: '2026-02-12',
          to: '2026-02-15',
          adjustments: {},
        })
        .expect(201)
    ).body as ScenarioDto;
    const result = (
      await request(service.url).get(`/api/scenarios/${scenario.id}/result`).set(manager).expect(200)
    ).body as ScenarioResult;
    const staffed = (queue: string, date: string) =>
      result.intervals!.filter((slot) => slot.queue === queue && slot.start.startsWith(date));
    // Nothing to answer and nobody scheduled, also for email (a deferred queue), whose backlog of the
    // day before waits for the next open day instead of being worked on the closed one.
    const closedSlots = [
      ...staffed('email', '2026-02-14'),
      ...staffed('phone', '2026-02-13'),
      ...staffed('phone', '2026-02-14'),
      ...staffed('chat', '2026-02-14'),
    ];
    expect(closedSlots.length).toBe(4 * 96);
    for (const slot of closedSlots)
      expect(slot).toMatchObject({ forecast: 0, required: 0, scheduled: 0, poolGap: 0 });
    expect(staffed('chat', '2026-02-13').some((slot) => slot.required > 0)).toBe(true);
    expect(result.days.find((day) => day.date === '2026-02-14')).toMatchObject({ contacts: 0, poolHours: 0 });
  });
});
