import request from 'supertest';

import type { ForecastRunSummary, PeakReviewDto, PeakReviewSummaryDto } from '@peakplan/contracts';
import { loadDemoPastPeaks } from '@peakplan/backend/demo/demo-past-peaks';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

// What a new manager finds on a first start: the demo's last Christmas, Valentine's and Mother's Day
// each with a forecast made four weeks ahead, a plan, and a stored post-peak review.
describe('the demo’s past peaks', () => {
  let service: TestService;

  beforeAll(async () => {
    // 800 days reach back to 23 September 2024: enough (≥ 400 days) before each forecast.
    service = await startTestService({ demoHistoryDays: 800, today: '2026-12-02' });
  });
  afterAll(() => service?.stop());

  it('holds last Christmas, Valentine’s and Mother’s Day with a forecast made before each, a plan and a review', async () => {
    const stored = await loadDemoPastPeaks(service.service.app, '2026-12-02');
    expect(stored.map((review) => `${review.event} ${review.year}`).sort()).toEqual([
      'christmas 2025',
      'mothers-day 2026',
      'valentines 2026',
    ]);

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
  });
});
