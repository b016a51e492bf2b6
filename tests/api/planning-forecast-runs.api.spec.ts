import request from 'supertest';

import type {
  ApiError,
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunStage,
  ForecastRunSummary,
  HealthResponse,
  QueueDto,
} from '@peakplan/contracts';

import { runForecastEngine } from '@peakplan/backend/forecast-runs/forecast-engine';
import { ForecastEngineThread } from '@peakplan/backend/forecast-runs/forecast-engine-thread';
import { loadForecastInput } from '@peakplan/backend/forecast-runs/forecast-run-input';
import { INTERRUPTED, STAGE_PROGRESS } from '@peakplan/backend/forecast-runs/forecast-run-progress';
import { ForecastRunQueue } from '@peakplan/backend/forecast-runs/forecast-run-queue.service';
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
    // Five days to train on: refused at once, naming trainingFrom, and no run written (it used to be
    // accepted and fail in the background).
    const [before] = await service.dataSource.query(`select count(*)::int as runs from forecast_run`);
    const tooShort = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingFrom: '2026-02-20', trainingTo: '2026-02-24' })
        .expect(400)
    ).body as ApiError;
    expect(tooShort.details[0]).toMatchObject({ field: 'trainingFrom' });
    expect(tooShort.message).toMatch(
      /has 5 day\(s\) with contacts from 2026-02-20 to 2026-02-24; a forecast needs at least 14/,
    );
    const [after] = await service.dataSource.query(`select count(*)::int as runs from forecast_run`);
    expect(after.runs).toBe(before.runs);
    await request(service.url).post('/api/forecast-runs').set(manager).send({}).expect(403);
    await request(service.url)
      .get('/api/forecast-runs/00000000-0000-4000-8000-000000000000')
      .set(manager)
      .expect(404);
  });

  it('documents stage and progress in OpenAPI, with examples', async () => {
    const document = (await request(service.url).get('/api/docs-json').expect(200)).body;
    const started = document.paths['/api/forecast-runs'].post.responses['202'];
    expect(started.description).toContain('progress from 0 to 1');
    expect(started.content['application/json'].schema.example[0]).toMatchObject({
      status: 'running',
      stage: 'queued',
      progress: 0,
    });
    const polled = document.paths['/api/forecast-runs/{runId}'].get.responses['200'];
    expect(polled.content['application/json'].schema.example).toMatchObject({ stage: 'backtest' });
  });

  it('computes on a worker thread: requests are answered meanwhile, stage and progress advance, same numbers', async () => {
    const runs = service.service.app.get(ForecastRunsService);
    const started = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-02-28', horizonDays: 42 })
        .expect(202)
    ).body as ForecastRunSummary[];
    expect(started.map((run) => [run.stage, run.progress])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    const order: string[] = [];
    // Watch the last run (queued behind two) inside the service: when its engine starts computing
    // (the worker's 'fitting' message) and when the engine's result is back.
    const engine = service.service.app.get(ForecastEngineThread);
    const runEngine = engine.run.bind(engine);
    let calls = 0;
    let computing!: () => void;
    const lastComputing = new Promise<void>((resolve) => (computing = resolve));
    const engineStages: string[] = [];
    // Timer callbacks on this thread while the last run fits, backtests and spreads: on this thread the
    // engine's synchronous work would leave no room for one between its 'fitting' stage and its result.
    let ticks = 0;
    let ticksAtFitting = 0;
    let ticksWhileComputing = 0;
    const ticker = setInterval(() => ticks++, 1);
    const spy = jest.spyOn(engine, 'run').mockImplementation((input, onStage) => {
      const isLast = calls++ === started.length - 1;
      const result = runEngine(input, (stage) => {
        onStage?.(stage);
        if (!isLast) return;
        engineStages.push(stage);
        if (stage === 'fitting') {
          order.push('engine computing');
          ticksAtFitting = ticks;
          computing();
        }
      });
      if (isLast)
        void result
          .then(() => {
            order.push('engine finished');
            ticksWhileComputing = ticks - ticksAtFitting;
          })
          .catch(() => undefined);
      return result;
    });
    // Meanwhile the dashboard's way: poll the last run until it is finished.
    const seen: { stage: ForecastRunStage; progress: number }[] = [];
    const polling = (async () => {
      for (;;) {
        const polled = (
          await request(service.url)
            .get(`/api/forecast-runs/${started.at(-1)!.id}`)
            .set(planner)
            .expect(200)
        ).body as ForecastRunSummary;
        if (seen.at(-1)?.stage !== polled.stage)
          seen.push({ stage: polled.stage, progress: polled.progress });
        if (polled.status !== 'running') return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    try {
      await lastComputing;
      // A cheap request while the engine computes is answered (whether before or after the engine is
      // done depends on the machine's load, so only the timer ticks above make the claim).
      const health = (await request(service.url).get('/api/health').expect(200)).body as HealthResponse;
      expect(health.status).toBe('ok');
      await runs.waitFor(started.map((run) => run.id));
      order.push('runs finished');
      await polling;
    } finally {
      spy.mockRestore();
      clearInterval(ticker);
    }
    expect(order).toEqual(['engine computing', 'engine finished', 'runs finished']);
    expect(ticksWhileComputing).toBeGreaterThan(0);
    expect(engineStages).toEqual(['fitting', 'backtest', 'spreading intervals']);
    expect(engine.usesWorker).toBe(true);
    // Whichever stages the polls caught: only forward, each at its fixed share, ending completed.
    for (const step of seen)
      expect(step.progress).toBe(STAGE_PROGRESS[step.stage as keyof typeof STAGE_PROGRESS]);
    expect(seen.map((step) => step.progress)).toEqual(
      [...seen.map((step) => step.progress)].sort((a, b) => a - b),
    );
    expect(seen.at(-1)).toEqual({ stage: 'completed', progress: 1 });

    const finished = await finishedRuns(
      service,
      planner,
      started.map((run) => run.id),
    );

    // The worker's numbers are the engine's on this thread for the same input, read the same way.
    const [organisation] = await service.dataSource.query(
      `select id, time_zone as "timeZone" from organisation`,
    );
    for (const run of finished) {
      expect(run).toMatchObject({ status: 'completed', stage: 'completed', progress: 1, error: null });
      const expected = runForecastEngine(await loadForecastInput(service.dataSource, run.id, organisation));
      // jsonb columns keep what JSON keeps (a non-finite metric becomes null)
      const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));
      expect({
        model: run.model,
        modelReason: run.modelReason,
        parameters: run.parameters,
        backtest: run.backtest,
        warnings: run.warnings,
        days: run.days,
      }).toEqual({
        model: expected.model,
        modelReason: expected.modelReason,
        parameters: asJson(expected.parameters),
        backtest: asJson(expected.backtest),
        warnings: expected.warnings,
        days: expected.days,
      });
      const intervals = (
        await request(service.url).get(`/api/forecast-runs/${run.id}/intervals`).set(planner).expect(200)
      ).body as ForecastIntervalDto[];
      expect(intervals.map((slot) => [Date.parse(slot.start), slot.p10, slot.p50, slot.p90])).toEqual(
        expected.intervals.map((slot) => [Date.parse(slot.start), slot.p10, slot.p50, slot.p90]),
      );
    }
  });

  it('marks failed a run whose service stopped: left by a dead instance, or interrupted by shutdown', async () => {
    const phone = queues.find((queue) => queue.name === 'phone')!;
    // A run another process left "running" and stopped touching ten minutes ago (killed mid-run).
    const [{ id: abandoned }] = await service.dataSource.query(
      `insert into forecast_run (queue_id, status, stage, progress, training_from, training_to, forecast_from, horizon_days,
                                 interval_minutes, country, lead_days, heartbeat_at)
       values ($1, 'running', 'fitting', $2, '2025-01-01', '2026-02-28', '2026-03-01', 7, 15, 'NL', 28, now() - interval '10 minutes')
       returning id`,
      [phone.id, STAGE_PROGRESS.fitting],
    );
    const [fresh] = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId: phone.id, trainingTo: '2026-02-28', horizonDays: 7 })
        .expect(202)
    ).body as ForecastRunSummary[];
    expect(
      (await request(service.url).get(`/api/forecast-runs/${abandoned}`).set(planner).expect(200)).body,
    ).toMatchObject({
      status: 'failed',
      stage: 'failed',
      progress: STAGE_PROGRESS.fitting,
      error: INTERRUPTED,
    });
    await finishedRuns(service, planner, [fresh.id]);

    // Shutdown while a run computes: the worker stops, the run is marked failed, not left running.
    const runQueue = service.service.app.get(ForecastRunQueue);
    const [interrupted] = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId: phone.id, trainingTo: '2026-02-28', horizonDays: 42 })
        .expect(202)
    ).body as ForecastRunSummary[];
    for (;;) {
      const [{ stage }] = await service.dataSource.query(`select stage from forecast_run where id = $1`, [
        interrupted.id,
      ]);
      if (['fitting', 'backtest', 'spreading intervals'].includes(stage)) break;
      expect(['queued', 'loading history']).toContain(stage);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await runQueue.beforeApplicationShutdown();
    expect(
      (await request(service.url).get(`/api/forecast-runs/${interrupted.id}`).set(planner).expect(200)).body,
    ).toMatchObject({ status: 'failed', stage: 'failed', error: INTERRUPTED });
  });
});
