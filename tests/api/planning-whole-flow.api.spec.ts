/* The planner's and the manager's whole flow through the API on a real database: import history,
 * run a forecast, create two scenarios, compare them, build the shift plan from the plan scenario,
 * import the actuals of the peak, read the accuracy report and the post-peak review. */
import request from 'supertest';

import type {
  ForecastAccuracyReport,
  ForecastRunSummary,
  HistoryImportReport,
  PeakReviewDto,
  ScenarioComparison,
  ScenarioDto,
  StaffingPlanDto,
} from '@peakplan/contracts';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';
import { DEMO_SEED } from '@peakplan/backend/demo/demo-loader';
import { generateDemoHistory } from '@peakplan/forecasting/demo';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

/** Demo-like history as the CSV a planner would upload (the same generator as the demo organisation). */
function historyCsv(from: string, to: string): string {
  const lines = ['queue,start,offered,handled,abandoned,aht_seconds'];
  for (const day of generateDemoHistory({ from, to, timeZone: 'Europe/Amsterdam', seed: DEMO_SEED + 1 }))
    for (const row of day)
      lines.push(
        `${row.queueName},${new Date(row.intervalStartMs).toISOString()},${row.offered},${row.handled},${row.abandoned},${row.ahtSeconds}`,
      );
  return `${lines.join('\n')}\n`;
}

describe('the whole planning flow on a real database', () => {
  let service: TestService;

  beforeAll(async () => {
    // The demo organisation (queues, events, accounts) with one day of history; the rest is imported.
    service = await startTestService({ demoHistoryDays: 1, today: '2026-03-01' });
  });
  afterAll(() => service?.stop());

  it('imports, forecasts, plans, staffs the peak and scores the forecast against the actuals', async () => {
    const planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    const manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    const upload = (csv: string, fileName: string) =>
      request(service.url)
        .post(`/api/history/imports?fileName=${fileName}`)
        .set(planner)
        .set('Content-Type', 'text/csv')
        .send(Buffer.from(csv))
        .expect(200);

    // 1. history: 15 months of 15-minute intervals for three queues
    const history = historyCsv('2024-11-01', '2026-01-31');
    const imported = (await upload(history, 'history.csv')).body as HistoryImportReport;
    expect(imported).toMatchObject({ status: 'completed', rejected: 0, updated: 0 });
    expect(imported.inserted).toBe(imported.rowsRead);
    expect(imported.rowsRead).toBeGreaterThan(90_000); // open hours only, three queues

    // 2. forecast runs for every queue, four weeks from 1 February
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-01-31', horizonDays: 28 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    const runIds = runs.map((run) => run.id);

    // 3. two scenarios for the Valentine fortnight, compared
    const period = { from: '2026-02-07', to: '2026-02-20' };
    const core = [{ weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', agents: 6 }];
    const base = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Base', forecastRunIds: runIds, ...period, adjustments: { coreStaff: core } })
        .expect(201)
    ).body as ScenarioDto;
    const busy = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'Busy Valentine',
          forecastRunIds: runIds,
          ...period,
          adjustments: { coreStaff: core, eventUplift: { valentines: 0.25 } },
        })
        .expect(201)
    ).body as ScenarioDto;
    const comparison = (
      await request(service.url)
        .get(`/api/scenarios/compare?ids=${base.id},${busy.id}`)
        .set(manager)
        .expect(200)
    ).body as ScenarioComparison;
    expect(comparison.scenarios[1].totals.poolHours).toBeGreaterThan(
      comparison.scenarios[0].totals.poolHours,
    );
    expect(comparison.scenarios[1].totals.cost).toBeGreaterThan(comparison.scenarios[0].totals.cost);

    // 4. the busy one is the plan; its pool gap around Valentine's Day becomes draft shifts
    await request(service.url).post(`/api/scenarios/${busy.id}/plan`).set(planner).expect(200);
    const plan = (
      await request(service.url)
        .post('/api/staffing-plans')
        .set(planner)
        .send({ from: '2026-02-13', to: '2026-02-14' })
        .expect(201)
    ).body as StaffingPlanDto;
    expect(plan.scenarioId).toBe(busy.id);
    expect(plan.shifts.reduce((sum, shift) => sum + shift.count, 0)).toBeGreaterThan(0);

    // 5. the actuals of February arrive; importing them twice changes nothing the second time
    const actuals = historyCsv('2026-02-01', '2026-02-28');
    const first = (await upload(actuals, 'february.csv')).body as HistoryImportReport;
    expect(first.rejected).toBe(0);
    const again = (await upload(actuals, 'february.csv')).body as HistoryImportReport;
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: again.rowsRead });

    // 6. the manager reads forecast against actual for the phone queue
    const phone = runs.find((run) => run.queueName === 'phone')!;
    const accuracy = (
      await request(service.url).get(`/api/forecast-runs/${phone.id}/accuracy`).set(manager).expect(200)
    ).body as ForecastAccuracyReport;
    expect(accuracy.daysWithActuals).toBe(28);
    expect(accuracy.overall.wape).toBeLessThan(0.35);
    expect(accuracy.overall.coverage).toBeGreaterThan(0.3);
    const valentine = accuracy.events.find((event) => event.event === 'valentines')!;
    expect(valentine.actual).toBeGreaterThan(0);
    expect(valentine.wape).not.toBeNull();

    // 7. and the post-peak review of Valentine's Day: the window (4–15 February) is wider than the
    // plan (7–20 February), so the run scored is the one whose forecast covers the whole window and
    // the roster is compared on the nine planned days only
    const review = (
      await request(service.url).get('/api/peak-reviews/valentines/2026').set(manager).expect(200)
    ).body as PeakReviewDto;
    expect(review).toMatchObject({ from: '2026-02-04', to: '2026-02-15', planScenarioId: busy.id });
    const phoneReview = review.queues.find((queue) => queue.queue === 'phone')!;
    expect(phoneReview.forecastRunId).toBe(phone.id);
    expect(phoneReview.accuracy!.days.actual).toBe(valentine.actual);
    expect(phoneReview.totals.intervals).toBe(12 * 96);
    expect(phoneReview.totals.plannedIntervals).toBe(9 * 96);
    expect(phoneReview.totals.overStaffedHours! + phoneReview.totals.underStaffedHours!).toBeGreaterThan(0);
    expect(phoneReview.totals.serviceLevelReached).not.toBeNull();
  });
});
