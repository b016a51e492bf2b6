/* Coverage of a staffing plan for planners, on a real plan: a forecast run, a scenario without core
 * staff (so its whole need is pool gap), a staffing plan from it, one of its draft shifts published
 * through the API and a demo member signed up for it. Each interval shows the scenario's pool gap beside the places published,
 * confirmed and open. */
import request from 'supertest';

import type {
  ForecastRunSummary,
  PlanCoverageDto,
  PoolShiftDto,
  QueueDto,
  ScenarioDto,
  ScenarioResult,
  StaffingPlanDto,
} from '@peakplan/contracts';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { localDateIn } from '../support/pool-fixtures';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('staffing plan coverage', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 28, today: '2026-03-01' });
  });
  afterAll(() => service?.stop());

  it('shows per interval the pool gap, the places published from the plan, confirmed and open', async () => {
    const planner = await sessionHeaders(service, 'planner@peakplan.test');
    const [phone] = await service.dataSource.query(`select id from queue where name = 'phone'`);
    // The forecast starts today; the plan is for the day after tomorrow, so its shifts can still be signed up for.
    const day = localDateIn(2);
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId: phone.id, horizonDays: 3 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    const created = await request(service.url)
      .post('/api/scenarios')
      .set(planner)
      .send({
        name: 'Coverage',
        forecastRunIds: runs.map((run) => run.id),
        from: day,
        to: day,
      });
    expect([created.status, created.body.message]).toEqual([201, undefined]);
    const scenario = created.body as ScenarioDto;
    const plan = (
      await request(service.url)
        .post('/api/staffing-plans')
        .set(planner)
        .send({ scenarioId: scenario.id })
        .expect(201)
    ).body as StaffingPlanDto;
    expect(plan.shifts.length).toBeGreaterThan(0);
    const draft = plan.shifts[0];
    const [published] = (
      await request(service.url)
        .post(`/api/staffing-plans/${plan.id}/publish`)
        .set(planner)
        .send({ draftShiftIds: [draft.id] })
        .expect(201)
    ).body as PoolShiftDto[];
    // member015: approved, phone-trained, available any time (backend/src/demo/demo-pool.ts).
    const member = await sessionHeaders(service, 'member015@peakplan.test');
    await request(service.url).post(`/api/pool/shifts/${published.id}/sign-ups`).set(member).expect(201);
    const coverage = (
      await request(service.url).get(`/api/staffing-plans/${plan.id}/coverage`).set(planner).expect(200)
    ).body as PlanCoverageDto;
    const result = (
      await request(service.url).get(`/api/scenarios/${scenario.id}/result`).set(planner).expect(200)
    ).body as ScenarioResult;
    const gapOf = new Map(result.intervals!.map((slot) => [`${slot.queue} ${slot.start}`, slot.poolGap]));
    expect(coverage.intervals.length).toBeGreaterThan(0);
    for (const interval of coverage.intervals) {
      expect(interval.poolGap).toBe(gapOf.get(`${interval.queue} ${interval.start}`));
      const inside =
        Date.parse(interval.start) >= Date.parse(draft.start) &&
        Date.parse(interval.start) < Date.parse(draft.end);
      expect([interval.published, interval.confirmed, interval.open]).toEqual(
        inside ? [draft.count, 1, draft.count - 1] : [0, 0, 0],
      );
    }
    expect(coverage.intervalsShort).toBe(
      coverage.intervals.filter((interval) => interval.confirmed < interval.poolGap).length,
    );
    const manager = await sessionHeaders(service, 'manager@peakplan.test');
    await request(service.url).get(`/api/staffing-plans/${plan.id}/coverage`).set(manager).expect(200);
    await request(service.url).get(`/api/staffing-plans/${plan.id}/coverage`).set(member).expect(403);
  });

  it('plans a day of a longer scenario with the gap its coverage shows, email (deferred) included', async () => {
    const planner = await sessionHeaders(service, 'planner@peakplan.test');
    const queues = (await request(service.url).get('/api/queues').set(planner).expect(200))
      .body as QueueDto[];
    const email = queues.find((queue) => queue.name === 'email')!;
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId: email.id, horizonDays: 6 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'Email week',
          forecastRunIds: runs.map((run) => run.id),
          from: localDateIn(2),
          to: localDateIn(4),
        })
        .expect(201)
    ).body as ScenarioDto;
    const day = localDateIn(3);
    const plan = (
      await request(service.url)
        .post('/api/staffing-plans')
        .set(planner)
        .send({ scenarioId: scenario.id, from: day, to: day })
        .expect(201)
    ).body as StaffingPlanDto;
    const coverage = (
      await request(service.url).get(`/api/staffing-plans/${plan.id}/coverage`).set(planner).expect(200)
    ).body as PlanCoverageDto;
    const coverageHours =
      coverage.intervals.reduce((sum, interval) => sum + interval.poolGap, 0) * (email.intervalMinutes / 60);
    // Email may wait 24 hours: planned on its day alone, all its work was pushed past the day's end
    // and the plan asked for no email staff (gap 0, no shifts) while the coverage showed this gap.
    expect(coverageHours).toBeGreaterThan(0);
    const planned = plan.queues.find((queue) => queue.queue === 'email')!;
    expect(planned.gapHours).toBeCloseTo(coverageHours, 6);
    expect(plan.shifts.some((shift) => shift.queue === 'email')).toBe(true);
  });
});
