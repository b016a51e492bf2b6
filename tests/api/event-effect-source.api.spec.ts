/* A new queue with a few winter weeks of history never saw Valentine's: its forecast run borrows the
 * event effects of the organisation's queue with the longest history, from that queue's days before
 * the run's origin, and says so in the run's warnings. */
import request from 'supertest';

import type { ForecastRunDetail, ForecastRunSummary, QueueDto } from '@peakplan/contracts';

import { loadForecastInput } from '@peakplan/backend/forecast-runs/forecast-run-input';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('event effects borrowed from another queue, on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;

  beforeAll(async () => {
    // 400 days of demo history up to 1 March 2026: Valentine's 2025 and 2026 in every demo queue.
    service = await startTestService({ demoHistoryDays: 400, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
  });
  afterAll(() => service?.stop());

  /** Starts a forecast run of one queue, waits for it, and returns its answer and the engine's input. */
  async function forecastRun(queueId: string, horizonDays: number) {
    const [run] = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId, trainingTo: '2026-01-31', horizonDays })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor([run.id]);
    const detail = (await request(service.url).get(`/api/forecast-runs/${run.id}`).set(planner).expect(200))
      .body as ForecastRunDetail;
    const [organisation] = (await service.dataSource.query(`select id, time_zone from organisation`)) as {
      id: string;
      time_zone: string;
    }[];
    const input = await loadForecastInput(service.dataSource, run.id, {
      id: organisation.id,
      timeZone: organisation.time_zone,
    });
    return { detail, input };
  }

  it('forecasts Valentine’s for a queue that never saw one, from the older queues’ history', async () => {
    const webshop = (
      await request(service.url)
        .post('/api/queues')
        .set(planner)
        .send({ name: 'webshop', kind: 'live', serviceLevelTarget: 0.8, targetSeconds: 30, ahtSeconds: 240 })
        .expect(201)
    ).body as QueueDto;
    // Nine weeks of daily totals, 1 December 2025 … 31 January 2026: weekdays 500, weekends 300.
    const rows = ['queue,start,offered'];
    for (let day = Date.UTC(2025, 11, 1); day <= Date.UTC(2026, 0, 31); day += 86_400_000) {
      const date = new Date(day);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      rows.push(`webshop,${date.toISOString().slice(0, 10)},${weekend ? 300 : 500}`);
    }
    await request(service.url)
      .post('/api/history/imports')
      .set(planner)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(rows.join('\n')))
      .expect(200);

    const { detail, input } = await forecastRun(webshop.id, 28);
    expect(detail.error).toBeNull();
    // The demo queues all start on the same day; the first by name lends.
    expect(detail.warnings.join('\n')).toMatch(
      /no day of .*Valentine's Day.* in the history: the uplift is chat's/,
    );
    const p50 = (date: string) => detail.days.find((day) => day.date === date)!.p50;
    // The demo's Valentine's peak tops at 2.5–3.3× an ordinary day on the days before the 14th
    // (demo-peaks.ts); Tuesday 3 February is outside the window.
    expect(p50('2026-02-12') / p50('2026-02-03')).toBeGreaterThan(1.5);

    expect(input.eventEffectSource?.label).toBe('chat');
    // The source's days reach the run's last training day, never past it.
    const sourceDates = input.eventEffectSource!.history.map((day) => day.date);
    expect(sourceDates[sourceDates.length - 1]).toBe('2026-01-31');
    expect(sourceDates[0] < '2025-02-01').toBe(true);
  });

  it('lends nothing to a queue whose history starts as early as any other', async () => {
    const queues = (await request(service.url).get('/api/queues').set(planner).expect(200))
      .body as QueueDto[];
    const phone = queues.find((queue) => queue.name === 'phone')!;
    const { input } = await forecastRun(phone.id, 7);
    expect(input.eventEffectSource).toBeUndefined();
  });
});
