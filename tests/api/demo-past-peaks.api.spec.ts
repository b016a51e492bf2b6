import request from 'supertest';

import type {
  DemoPastPeaksStatus,
  ForecastRunSummary,
  HealthResponse,
  PeakReviewDto,
  PeakReviewSummaryDto,
} from '@peakplan/contracts';
import { DemoPreparation } from '@peakplan/backend/demo/demo-preparation';
import { StructuredLogger } from '@peakplan/backend/logging/structured-logger';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

// What a new manager finds on a first start: the demo's last Christmas, Valentine's and Mother's Day
// each with a forecast made four weeks ahead, a plan, and a stored post-peak review. A first start
// listens before they are done; the health route tells how far they are.
describe('the demo’s past peaks', () => {
  let service: TestService;

  beforeAll(async () => {
    // 800 days reach back to 23 September 2024: enough (≥ 400 days) before each forecast.
    service = await startTestService({ demoHistoryDays: 800, today: '2026-12-02' });
  });
  afterAll(() => service?.stop());

  it('holds last Christmas, Valentine’s and Mother’s Day with a forecast made before each, a plan and a review', async () => {
    const preparation = service.service.app.get(DemoPreparation);
    await preparation.startIfPending(service.service.app, '2026-12-02', new StructuredLogger('warn', 'text'));
    const seen: DemoPastPeaksStatus[] = [];
    for (;;) {
      const health = (await request(service.url).get('/api/health').expect(200)).body as HealthResponse;
      seen.push(health.demo!.pastPeaks);
      if (health.demo!.pastPeaks.state !== 'preparing') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen[0]).toMatchObject({ state: 'preparing', total: 3 });
    expect(seen.at(-1)).toEqual({
      state: 'ready',
      total: 3,
      current: null,
      done: ['Christmas 2025', "Valentine's Day 2026", "Mother's Day 2026"],
    });

    const manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    const list = (await request(service.url).get('/api/peak-reviews').set(manager).expect(200))
      .body as PeakReviewSummaryDto[];
    expect(list.map((review) => `${review.event} ${review.year}`)).toEqual([
      'mothers-day 2026',
      'valentines 2026',
      'christmas 2025',
    ]);
    for (const review of list) {
      expect(review.totals.actual).toBeGreaterThan(0);
      expect(review.totals.scheduledHours).toBeGreaterThan(0);
    }

    const valentines = (
      await request(service.url).get('/api/peak-reviews/valentines/2026').set(manager).expect(200)
    ).body as PeakReviewDto;
    expect(valentines).toMatchObject({ source: 'stored', planScenarioName: "Valentine's Day 2026" });
    // The review used the run made on 16 January: 29 days before 14 February, forecasting the window.
    const runs = (await request(service.url).get('/api/forecast-runs').set(manager).expect(200))
      .body as ForecastRunSummary[];
    const used = runs.filter((run) => valentines.queues.some((queue) => queue.forecastRunId === run.id));
    expect(used).toHaveLength(3);
    for (const run of used) expect(run).toMatchObject({ status: 'completed', trainingTo: '2026-01-16' });
    expect(valentines.queues.every((queue) => (queue.accuracy?.days.wape ?? null) !== null)).toBe(true);

    // A later start finds the reviews and prepares nothing again.
    const runsBefore = runs.length;
    await preparation.startIfPending(service.service.app, '2026-12-02', new StructuredLogger('warn', 'text'));
    await preparation.stop();
    const runsAfter = (await request(service.url).get('/api/forecast-runs').set(manager).expect(200)).body;
    expect(runsAfter).toHaveLength(runsBefore);
  });
});
