/* Forecast against actual in hindsight and the post-peak review, on a real database: demo history up
 * to after Valentine's Day 2026, a forecast made before the window, a plan scenario over the window;
 * the review's hours over/under and service level are recomputed here from the interval rows, the
 * roster from the plan scenario's own result and the contacts from contact_history. */
import request from 'supertest';

import type {
  ForecastRunSummary,
  HindsightReport,
  PeakReviewDto,
  PeakReviewSummaryDto,
  ScenarioDto,
  ScenarioResult,
} from '@peakplan/contracts';
import type { JobOutcome } from '@peakplan/backend/jobs/job-lock.service';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';
import { erlangAMetrics } from '@peakplan/forecasting';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

// Valentine's Day 2026 with the NL preset window: 10 days before, 1 after.
const WINDOW = { from: '2026-02-04', to: '2026-02-15' };

describe('post-peak review: forecast against actual and staffing in hindsight', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let admin: Record<string, string>;
  let member: Record<string, string>;
  let plan: ScenarioDto;
  let runs: ForecastRunSummary[];

  beforeAll(async () => {
    // Demo history 1 Nov 2025 – 28 Feb 2026: the actuals of the whole Valentine window are in.
    service = await startTestService({ demoHistoryDays: 120, today: '2026-03-01' });
    [planner, manager, admin, member] = await Promise.all(
      ['planner', 'manager', 'admin', 'member001'].map(
        async (name) => (await signIn(service.url, `${name}@peakplan.test`)).bearer,
      ),
    );
    // A forecast made before the window (trained up to 31 January), for every queue.
    runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-01-31', horizonDays: 28 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    plan = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'Valentine plan',
          forecastRunIds: runs.map((run) => run.id),
          ...WINDOW,
          adjustments: {
            eventUplift: { valentines: 0.1 },
            shrinkage: 0.25,
            coreStaff: [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', agents: 8 }],
          },
        })
        .expect(201)
    ).body as ScenarioDto;
    await request(service.url).post(`/api/scenarios/${plan.id}/plan`).set(planner).expect(200);
  });
  afterAll(() => service?.stop());

  it('reviews the Valentine window per queue, and its hours add up from the interval rows', async () => {
    const review = (
      await request(service.url).get('/api/peak-reviews/valentines/2026').set(manager).expect(200)
    ).body as PeakReviewDto;
    expect(review).toMatchObject({
      event: 'valentines',
      year: 2026,
      eventDates: ['2026-02-14'],
      ...WINDOW,
      source: 'computed',
      planScenarioId: plan.id,
    });
    expect(review.queues.map((queue) => queue.queue)).toEqual(['chat', 'email', 'phone']);

    // The roster compared is the plan scenario's own core + pool gap, read through its route.
    const scenario = (
      await request(service.url).get(`/api/scenarios/${plan.id}/result`).set(manager).expect(200)
    ).body as ScenarioResult;
    const rostered = new Map(
      scenario.intervals!.map((slot) => [
        `${slot.queue} ${Date.parse(slot.start)}`,
        slot.core + slot.poolGap,
      ]),
    );

    let over = 0;
    let under = 0;
    for (const queue of review.queues) {
      const run = runs.find((candidate) => candidate.queueName === queue.queue)!;
      expect(queue.forecastRunId).toBe(run.id); // the plan covers the whole window: the plan's run
      expect(queue.settings.shrinkage).toBe(0.25);
      expect(queue.daysWithoutActuals).toEqual([]);
      expect(queue.accuracy!.days.points).toBe(12);
      const hours = queue.intervalMinutes / 60;
      let queueOver = 0;
      let queueUnder = 0;
      let slWeighted = 0;
      let slContacts = 0;
      for (const row of queue.intervals!) {
        expect(row.scheduled).toBe(rostered.get(`${queue.queue} ${Date.parse(row.start)}`));
        queueOver += Math.max(0, row.scheduled! - row.neededScheduled) * hours;
        queueUnder += Math.max(0, row.neededScheduled - row.scheduled!) * hours;
        expect(row.overStaffedHours! - row.underStaffedHours!).toBeCloseTo(
          (row.scheduled! - row.neededScheduled) * hours,
          9,
        );
        if (row.serviceLevelReached !== null && row.actual > 0) {
          slWeighted += row.serviceLevelReached * row.actual;
          slContacts += row.actual;
        }
      }
      expect(queue.totals.overStaffedHours).toBeCloseTo(queueOver, 2);
      expect(queue.totals.underStaffedHours).toBeCloseTo(queueUnder, 2);
      expect(queue.totals.plannedIntervals).toBe(queue.intervals!.length);
      // 12 days of quarter-hours, no daylight-saving change in February
      expect(queue.intervals).toHaveLength(12 * 96);
      if (queue.kind === 'live')
        expect(queue.totals.serviceLevelReached).toBeCloseTo(slWeighted / slContacts, 3);
      else expect(queue.totals.serviceLevelReached).toBeNull();
      // the days add up to the queue
      expect(queue.days.reduce((sum, day) => sum + day.overStaffedHours!, 0)).toBeCloseTo(queueOver, 1);
      over += queueOver;
      under += queueUnder;
    }
    expect(review.totals.overStaffedHours).toBeCloseTo(over, 1);
    expect(review.totals.underStaffedHours).toBeCloseTo(under, 1);
    // a demo Valentine peak is not staffed exactly: both directions happen
    expect(over).toBeGreaterThan(0);
    expect(under).toBeGreaterThan(0);

    // The contacts are contact_history's offered, summed over reasons.
    const [{ offered }] = await service.dataSource.query(
      `select sum(h.offered)::int as offered from contact_history h join queue q on q.id = h.queue_id
        where q.name = 'phone' and h.interval_start >= '2026-02-04T00:00:00+01:00' and h.interval_start < '2026-02-16T00:00:00+01:00'`,
    );
    const phone = review.queues.find((queue) => queue.queue === 'phone')!;
    expect(phone.totals.actual).toBe(offered);
    expect(phone.accuracy!.days.actual).toBe(offered);

    // The staff needed, checked against the queueing formula rather than the staffing search: with
    // the needed productive agents N the estimated Erlang A service level meets 80% in 20 s and the
    // carried occupancy stays within the default 85%; with N − 1 one of them fails.
    const meets = (agents: number, contacts: number, aht: number) => {
      const load = (contacts * aht) / 900;
      const metrics = erlangAMetrics(agents, load, aht, 120, 20);
      return metrics.serviceLevel >= 0.8 - 1e-9 && (load * (1 - metrics.abandonment)) / agents <= 0.85 + 1e-9;
    };
    const busy = phone.intervals!.filter((row) => row.start.startsWith('2026-02-14') && row.actual > 0);
    expect(busy.length).toBeGreaterThan(40);
    for (const row of busy) {
      expect(meets(row.needed, row.actual, row.ahtSeconds)).toBe(true);
      expect(row.needed === 1 || !meets(row.needed - 1, row.actual, row.ahtSeconds)).toBe(true);
      // heads to roster: ⌈N / (1 − 0.25)⌉
      expect(row.neededScheduled).toBe(Math.ceil(row.needed / 0.75 - 1e-9));
    }
  });

  it('gives the same numbers for a period through the hindsight route, and totals only on request', async () => {
    const phoneId = runs.find((run) => run.queueName === 'phone')!.queueId;
    const period = (
      await request(service.url)
        .get(`/api/peak-reviews/hindsight?from=2026-02-13&to=2026-02-14&queueId=${phoneId}&intervals=false`)
        .set(manager)
        .expect(200)
    ).body as HindsightReport;
    expect(period.queues).toHaveLength(1);
    expect(period.queues[0].intervals).toBeUndefined();
    // The plan covers the period: its run is the one scored.
    expect(period.queues[0].forecastRunId).toBe(runs.find((run) => run.queueName === 'phone')!.id);
    const review = (
      await request(service.url).get('/api/peak-reviews/valentines/2026').set(manager).expect(200)
    ).body as PeakReviewDto;
    const days = review.queues.find((queue) => queue.queue === 'phone')!.days;
    expect(period.queues[0].days).toEqual(
      days.filter((day) => day.date === '2026-02-13' || day.date === '2026-02-14'),
    );

    const bad = await request(service.url)
      .get('/api/peak-reviews/hindsight?from=2026-02-14&to=2026-02-13')
      .set(manager)
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'from', reason: 'after to' }]);
    const missing = await request(service.url)
      .get('/api/peak-reviews/hindsight?from=2026-02-14')
      .set(manager)
      .expect(400);
    expect(missing.body.details[0].field).toBe('to');
  });

  it('stores the review once through the accuracy-snapshot job, however often it runs', async () => {
    const runJob = async (date: string) =>
      (
        await request(service.url)
          .post('/api/jobs/accuracy-snapshot/run')
          .set(admin)
          .send({ date })
          .expect(200)
      ).body as JobOutcome;
    // 17 February: the window ended on the 15th
    const first = await runJob('2026-02-17');
    expect(first).toMatchObject({
      ran: true,
      result: { peakReviews: [{ event: 'valentines', year: 2026, ...WINDOW }] },
    });
    expect(first.result).not.toHaveProperty('peakReviewsFailed');
    // the next night finds it stored; the same night again is not run at all
    expect(await runJob('2026-02-18')).toMatchObject({ ran: true, result: { peakReviews: [] } });
    expect(await runJob('2026-02-17')).toMatchObject({ ran: false, skipped: 'already-run' });
    const rows = await service.dataSource.query(`select event_key, year, queues from peak_review`);
    expect(rows).toEqual([{ event_key: 'valentines', year: 2026, queues: ['chat', 'email', 'phone'] }]);
    const audit = await service.dataSource.query(
      `select actor_email from audit_event where action = 'peak-review.stored'`,
    );
    expect(audit).toEqual([{ actor_email: null }]);

    const stored = (
      await request(service.url).get('/api/peak-reviews/valentines/2026').set(manager).expect(200)
    ).body as PeakReviewDto;
    expect(stored).toMatchObject({ source: 'stored', complete: true });
    const computed = (
      await request(service.url).get('/api/peak-reviews/valentines/2026?fresh=true').set(manager).expect(200)
    ).body as PeakReviewDto;
    expect(computed.source).toBe('computed');
    expect(stored.totals).toEqual(computed.totals);
    const light = (
      await request(service.url)
        .get('/api/peak-reviews/valentines/2026?intervals=false')
        .set(manager)
        .expect(200)
    ).body as PeakReviewDto;
    expect(light.queues.every((queue) => queue.intervals === undefined)).toBe(true);

    const list = (await request(service.url).get('/api/peak-reviews').set(manager).expect(200))
      .body as PeakReviewSummaryDto[];
    expect(list).toEqual([
      expect.objectContaining({
        event: 'valentines',
        eventName: "Valentine's Day",
        year: 2026,
        ...WINDOW,
        queues: ['chat', 'email', 'phone'],
        totals: stored.totals,
      }),
    ]);
  });

  it('answers 404 naming the event or year, 400 for a bad year, and refuses pool members', async () => {
    const unknown = await request(service.url)
      .get('/api/peak-reviews/easter-bunny/2026')
      .set(manager)
      .expect(404);
    expect(unknown.body).toMatchObject({
      statusCode: 404,
      details: [{ field: 'event', reason: 'no such event in the event calendar' }],
    });
    const year = await request(service.url).get('/api/peak-reviews/valentines/26').set(manager).expect(400);
    expect(year.body.details).toEqual([{ field: 'year', reason: 'must be a year as YYYY, 1900 to 9999' }]);
    for (const path of [
      '/api/peak-reviews',
      '/api/peak-reviews/valentines/2026',
      `/api/peak-reviews/hindsight?from=${WINDOW.from}&to=${WINDOW.to}`,
    ]) {
      await request(service.url).get(path).set(member).expect(403);
      await request(service.url).get(path).expect(401);
      await request(service.url).get(path).set(planner).expect(200);
    }
  });
});
