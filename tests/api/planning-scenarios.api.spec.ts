import request from 'supertest';

import type {
  ApiError,
  AuditEventDto,
  ForecastRunSummary,
  ScenarioComparison,
  ScenarioDto,
  ScenarioResult,
  StaffingPlanDto,
} from '@peakplan/contracts';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';
import { refreshAllReasonDays } from '@peakplan/backend/history/reason-days';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('scenarios on a real database', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let runIds: string[];

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 400, today: '2026-03-01' });
    planner = (await signIn(service.url, 'planner@peakplan.test')).bearer;
    manager = (await signIn(service.url, 'manager@peakplan.test')).bearer;
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ trainingTo: '2026-01-10', horizonDays: 50 })
        .expect(202)
    ).body as ForecastRunSummary[];
    runIds = runs.map((run) => run.id);
    await service.service.app.get(ForecastRunsService).waitFor(runIds);
  });
  afterAll(() => service?.stop());

  const base = {
    from: '2026-01-24',
    to: '2026-02-20',
    adjustments: {
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      coreStaff: [
        { queue: 'phone', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', agents: 10 },
        { queue: 'chat', weekdays: [0, 1, 2, 3, 4, 5, 6], from: '09:00', to: '17:00', agents: 3 },
      ],
      coreHourlyCost: 30,
      poolHourlyCost: 40,
    },
  };

  it('computes the pool gap per queue and interval, with totals, cost and service levels', async () => {
    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Valentine 2026 base', forecastRunIds: runIds, ...base })
        .expect(201)
    ).body as ScenarioDto;
    expect(scenario).toMatchObject({
      name: 'Valentine 2026 base',
      from: '2026-01-24',
      to: '2026-02-20',
      isPlan: false,
    });
    const result = (
      await request(service.url).get(`/api/scenarios/${scenario.id}/result`).set(manager).expect(200)
    ).body as ScenarioResult;
    // 28 days of 96 quarter-hours (no clock change in February) for 3 queues
    expect(result.intervals).toHaveLength(3 * 28 * 96);
    expect(result.days).toHaveLength(28);
    let poolHours = 0;
    for (const slot of result.intervals!) {
      expect(slot.poolGap).toBe(Math.max(0, slot.scheduled - slot.core));
      expect(slot.scheduled).toBeGreaterThanOrEqual(slot.required);
      if (slot.serviceLevelWithPool !== null)
        expect(slot.serviceLevelWithPool).toBeGreaterThanOrEqual(slot.serviceLevelWithoutPool! - 1e-9);
      poolHours += slot.poolGap * 0.25;
    }
    expect(result.totals.poolHours).toBeCloseTo(poolHours, 1);
    expect(result.totals.cost).toBeCloseTo(result.totals.coreHours * 30 + result.totals.poolHours * 40, 0);
    expect(result.totals.serviceLevelWithPool!).toBeGreaterThan(result.totals.serviceLevelWithoutPool!);
    expect(result.totals.serviceLevelWithPool!).toBeGreaterThanOrEqual(0.8);
    const phone = result.queues.find((queue) => queue.queue === 'phone')!;
    expect(phone.coreHours).toBe(20 * 10 * 10); // 20 weekdays x 10 h x 10 agents
    const email = result.queues.find((queue) => queue.queue === 'email')!;
    expect(email).toMatchObject({ kind: 'deferred', serviceLevelWithPool: null, coreHours: 0 });
    expect(email.poolHours).toBeGreaterThan(0);
    // the Valentine build-up needs more pool than a quiet Friday three weeks earlier
    const day = (date: string) => result.days.find((candidate) => candidate.date === date)!;
    expect(day('2026-02-13').poolHours).toBeGreaterThan(1.5 * day('2026-01-30').poolHours);
  });

  it('copies, adjusts, compares and marks one plan, with every change in the history', async () => {
    const [original] = (await request(service.url).get('/api/scenarios').set(manager).expect(200))
      .body as ScenarioDto[];
    const copy = (
      await request(service.url)
        .post(`/api/scenarios/${original.id}/copy`)
        .set(planner)
        .send({ name: 'Valentine 2026 +20%' })
        .expect(201)
    ).body as ScenarioDto;
    expect(copy.adjustments).toEqual(original.adjustments);
    const adjusted = (
      await request(service.url)
        .patch(`/api/scenarios/${copy.id}`)
        .set(planner)
        .send({ adjustments: { ...original.adjustments, eventUplift: { valentines: 0.2 }, ahtChange: 0.05 } })
        .expect(200)
    ).body as ScenarioDto;
    expect(adjusted.adjustments.eventUplift).toEqual({ valentines: 0.2 });
    const comparison = (
      await request(service.url)
        .get(`/api/scenarios/compare?ids=${original.id},${copy.id}`)
        .set(manager)
        .expect(200)
    ).body as ScenarioComparison;
    const [before, after] = comparison.scenarios;
    expect(before.intervals).toBeUndefined();
    expect(after.totals.contacts).toBeGreaterThan(before.totals.contacts);
    expect(after.totals.poolHours).toBeGreaterThan(before.totals.poolHours);
    expect(after.totals.cost).toBeGreaterThan(before.totals.cost);
    // outside the Valentine window nothing changes in volume
    const contactsOn = (result: ScenarioResult, date: string) =>
      result.days.find((d) => d.date === date)!.contacts;
    expect(contactsOn(after, '2026-01-24')).toBeCloseTo(contactsOn(before, '2026-01-24'), 1);

    await request(service.url).post(`/api/scenarios/${original.id}/plan`).set(planner).expect(200);
    await request(service.url).post(`/api/scenarios/${copy.id}/plan`).set(planner).expect(200);
    const all = (await request(service.url).get('/api/scenarios').set(manager).expect(200))
      .body as ScenarioDto[];
    expect(all.filter((scenario) => scenario.isPlan).map((scenario) => scenario.id)).toEqual([copy.id]);

    const history = (
      await request(service.url).get(`/api/scenarios/${copy.id}/history`).set(manager).expect(200)
    ).body as AuditEventDto[];
    expect(history.map((event) => event.action)).toEqual([
      'scenario.marked-as-plan',
      'scenario.updated',
      'scenario.created',
    ]);
    expect(history.every((event) => event.actorEmail === 'planner@peakplan.test')).toBe(true);
    expect((history[1].before as ScenarioDto).adjustments.eventUplift).toBeUndefined();
    expect((history[1].after as ScenarioDto).adjustments.eventUplift).toEqual({ valentines: 0.2 });
  });

  it('turns the pool gap of the plan scenario into draft shifts (HiGHS), kept for the pool', async () => {
    const created = await request(service.url)
      .post('/api/staffing-plans')
      .set(planner)
      .send({ from: '2026-02-12', to: '2026-02-14' })
      .expect(201);
    const plan = created.body as StaffingPlanDto;
    expect(plan).toMatchObject({
      status: 'draft',
      scenarioName: 'Valentine 2026 +20%',
      from: '2026-02-12',
      to: '2026-02-14',
    });
    expect(plan.queues.map((queue) => queue.queue).sort()).toEqual(['chat', 'email', 'phone']);
    expect(plan.shifts.length).toBeGreaterThan(0);
    for (const queue of plan.queues) {
      expect(queue.gapHours).toBeGreaterThan(0);
      // set covering: paid hours cover the gap (shifts are whole blocks, so usually a little more)
      expect(queue.paidHours + queue.uncovered * 0.25).toBeGreaterThanOrEqual(queue.gapHours * 0.9);
      const shiftHours = plan.shifts
        .filter((shift) => shift.queue === queue.queue)
        .reduce((sum, shift) => sum + shift.count * shift.paidHours, 0);
      expect(shiftHours).toBeCloseTo(queue.paidHours, 1);
    }
    for (const shift of plan.shifts) {
      expect(shift.start < shift.end).toBe(true);
      expect(shift.start.slice(0, 10) >= '2026-02-12' && shift.end.slice(0, 10) <= '2026-02-15').toBe(true);
    }
    const read = (await request(service.url).get(`/api/staffing-plans/${plan.id}`).set(manager).expect(200))
      .body as StaffingPlanDto;
    expect(read.shifts).toEqual(plan.shifts);
    await request(service.url).post('/api/staffing-plans').set(manager).send({}).expect(403);
  });

  it('deflects a contact reason by its share of the history, and warns about unknown reasons', async () => {
    await service.dataSource.query(
      `update contact_history set reason = 'order-status' where queue_id = (select id from queue where name = 'phone')
          and extract(minute from interval_start)::int in (0, 15)`,
    );
    // Every writer of contact_history refreshes the reason days it touched (the import does): here all
    // of them, which also replaces the demo's own phone reasons with the half just written.
    await refreshAllReasonDays(service.dataSource);
    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({
          name: 'Self-service',
          forecastRunIds: runIds,
          ...base,
          adjustments: { ...base.adjustments, deflection: { 'order-status': 0.5, refunds: 0.2 } },
        })
        .expect(201)
    ).body as ScenarioDto;
    const [plain] = (await request(service.url).get('/api/scenarios').set(planner)).body as ScenarioDto[];
    const compared = (
      await request(service.url)
        .get(`/api/scenarios/compare?ids=${plain.id},${scenario.id}`)
        .set(planner)
        .expect(200)
    ).body as ScenarioComparison;
    const phone = (result: ScenarioResult) =>
      result.queues.find((queue) => queue.queue === 'phone')!.contacts;
    // about half of the phone history is now 'order-status'; half of that is deflected: about -25%
    const ratio = phone(compared.scenarios[1]) / phone(compared.scenarios[0]);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(0.8);
    expect(compared.scenarios[1].warnings.join(' ')).toMatch(/"refunds"/);
  });

  it('refuses bad scenarios by field and lets only planners change them', async () => {
    const bad = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: '', forecastRunIds: ['nope'], adjustments: { shrinkage: 1.5, deflection: { x: 2 } } })
        .expect(400)
    ).body as ApiError;
    expect(bad.details.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['name', 'forecastRunIds', 'adjustments.shrinkage']),
    );
    const outside = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Too late', forecastRunIds: runIds, from: '2026-02-01', to: '2026-04-01' })
        .expect(400)
    ).body as ApiError;
    expect(outside.details[0]).toMatchObject({ field: 'to' });
    const taken = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Valentine 2026 base', forecastRunIds: runIds })
        .expect(409)
    ).body as ApiError;
    expect(taken.details[0]).toMatchObject({ field: 'name' });
    await request(service.url)
      .post('/api/scenarios')
      .set(manager)
      .send({ name: 'x', forecastRunIds: runIds })
      .expect(403);
  });
});
