import request from 'supertest';

import type {
  ApiError,
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunSummary,
  QueueDto,
} from '@peakplan/contracts';

import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

/**
 * Waits for runs inside the service, then reads them over HTTP. Polling GET while a run executes
 * would be the dashboard's way, but on embedded PostgreSQL concurrent queries from two pool
 * connections interleave in pglite-socket 0.2.17 (see the report to the lead), so tests stay sequential.
 */
export async function finishedRuns(
  service: TestService,
  headers: Record<string, string>,
  ids: string[],
): Promise<ForecastRunDetail[]> {
  await service.service.app.get(ForecastRunsService).waitFor(ids);
  const runs: ForecastRunDetail[] = [];
  for (const id of ids)
    runs.push((await request(service.url).get(`/api/forecast-runs/${id}`).set(headers).expect(200)).body);
  return runs;
}

describe('forecast runs on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let queues: QueueDto[];

  beforeAll(async () => {
    // 430 days before 1 March 2026: two Valentine's Days, a Christmas and a Mother's Day in the history.
    service = await startTestService({ demoHistoryDays: 430, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    queues = (await request(service.url).get('/api/queues').set(planner).expect(200)).body as QueueDto[];
  });
  afterAll(() => service?.stop());

  it('runs every queue off the request, stores days, intervals, model, backtest; managers read it', async () => {
    const started = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-02-28', horizonDays: 42 })
        .expect(202)
    ).body as ForecastRunSummary[];
    expect(started.map((run) => run.queueName)).toEqual(['chat', 'email', 'phone']);
    expect(started.every((run) => run.status === 'running' || run.status === 'completed')).toBe(true);
    expect(started[0]).toMatchObject({
      trainingTo: '2026-02-28',
      forecastFrom: '2026-03-01',
      horizonDays: 42,
      intervalMinutes: 15,
      country: 'NL',
      requestedBy: 'planner@peakplan.test',
    });
    const runs = await finishedRuns(
      service,
      manager,
      started.map((run) => run.id),
    );
    for (const run of runs) {
      expect(run.error).toBeNull();
      expect(run.status).toBe('completed');
      expect(run.model).toEqual(expect.any(String));
      expect(run.modelReason).toEqual(expect.any(String));
      expect(run.days).toHaveLength(42);
      expect(run.days[0].date).toBe('2026-03-01');
      for (const day of run.days) {
        expect(day.p10).toBeLessThanOrEqual(day.p50);
        expect(day.p50).toBeLessThanOrEqual(day.p90);
      }
      expect(run.parameters?.events).toEqual(
        expect.arrayContaining(['valentines', 'mothers-day', 'christmas']),
      );
    }
    const phone = runs.find((run) => run.queueName === 'phone')!;
    expect(phone.backtest === null || Array.isArray(phone.backtest.windows)).toBe(true);
    // 29 March 2026 is the spring-forward day: 92 quarter-hours in Amsterdam
    const intervals = (
      await request(service.url)
        .get(`/api/forecast-runs/${phone.id}/intervals?from=2026-03-29&to=2026-03-29`)
        .set(manager)
        .expect(200)
    ).body as ForecastIntervalDto[];
    expect(intervals).toHaveLength(92);
    expect(intervals[0].start).toBe('2026-03-29T00:00:00+01:00');
    expect(intervals.at(-1)!.start).toBe('2026-03-29T23:45:00+02:00');
    const dayTotal = intervals.reduce((sum, slot) => sum + slot.p50, 0);
    expect(dayTotal).toBeCloseTo(phone.days.find((day) => day.date === '2026-03-29')!.p50, 0);

    const forecastOnly = (
      await request(service.url).get(`/api/forecast-runs/${phone.id}/accuracy`).set(manager).expect(200)
    ).body as ForecastAccuracyReport;
    expect(forecastOnly).toMatchObject({ daysWithActuals: 0, daysForecastOnly: 42, events: [] });
    expect(forecastOnly.overall.wape).toBeNull();

    const listed = (
      await request(service.url).get(`/api/forecast-runs?queueId=${phone.queueId}`).set(manager).expect(200)
    ).body as ForecastRunSummary[];
    expect(listed.map((run) => run.id)).toContain(phone.id);
  });

  it('re-running makes a new run; two runs compare side by side with the actuals', async () => {
    const phone = queues.find((queue) => queue.name === 'phone')!;
    const start = async (trainingTo: string) =>
      (
        (
          await request(service.url)
            .post('/api/forecast-runs')
            .set(planner)
            .send({ queueId: phone.id, trainingTo, horizonDays: 28 })
            .expect(202)
        ).body as ForecastRunSummary[]
      )[0];
    const early = await start('2026-01-31');
    await finishedRuns(service, planner, [early.id]);
    const late = await start('2026-02-07');
    await finishedRuns(service, planner, [late.id]);
    expect(early.id).not.toBe(late.id);
    const comparison = (
      await request(service.url)
        .get(`/api/forecast-runs/compare?ids=${early.id},${late.id}`)
        .set(manager)
        .expect(200)
    ).body as ForecastRunComparison;
    expect(comparison.runs.map((run) => run.id)).toEqual([early.id, late.id]);
    const valentines = comparison.days.find((day) => day.date === '2026-02-14')!;
    expect(valentines.p50.every((value) => value !== null && value > 0)).toBe(true);
    expect(valentines.actual).toBeGreaterThan(0);
    // forecast against actuals: February 2026 has history, so every day is scored
    const accuracy = (
      await request(service.url).get(`/api/forecast-runs/${early.id}/accuracy`).set(manager).expect(200)
    ).body as ForecastAccuracyReport;
    expect(accuracy).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      daysWithActuals: 28,
      daysForecastOnly: 0,
    });
    expect(accuracy.overall.wape).toBeGreaterThan(0);
    expect(accuracy.overall.wape).toBeLessThan(0.5);
    expect(accuracy.overall.actual).toBe(accuracy.days.reduce((sum, day) => sum + day.actual!, 0));
    expect(accuracy.overall.coverage).toBeGreaterThanOrEqual(0);
    expect(accuracy.overall.points).toBe(28);
    const valentine = accuracy.events.find((event) => event.event === 'valentines')!;
    expect(valentine.from <= '2026-02-14' && valentine.to >= '2026-02-14').toBe(true);
    expect(valentine.actual).toBeGreaterThan(0);
    expect(accuracy.intervals.points).toBe(28 * 96);
    expect(accuracy.intervals.actual).toBe(accuracy.overall.actual);
    expect(comparison.days[0]).toMatchObject({ date: '2026-02-01', p50: [expect.any(Number), null] });
  });

  it('refuses bad requests by field, and lets only planners start runs', async () => {
    const bad = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ horizonDays: 0, intervalMinutes: 20, country: 'Netherlands' })
        .expect(400)
    ).body as ApiError;
    expect(bad.details.map((detail) => detail.field).sort()).toEqual([
      'country',
      'horizonDays',
      'intervalMinutes',
    ]);
    const unknownCountry = (
      await request(service.url).post('/api/forecast-runs').set(planner).send({ country: 'ZZ' }).expect(400)
    ).body as ApiError;
    expect(unknownCountry.details[0]).toMatchObject({ field: 'country' });
    await request(service.url).post('/api/forecast-runs').set(manager).send({}).expect(403);
    await request(service.url)
      .get('/api/forecast-runs/00000000-0000-4000-8000-000000000000')
      .set(manager)
      .expect(404);
  });
});
