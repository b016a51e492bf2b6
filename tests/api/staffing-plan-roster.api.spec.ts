/* The planner's side of a published staffing plan on a real database: the list of plans, closing and
 * reopening the sign-up window of the plan's shifts (audited, refused with the field named), and the
 * roster as JSON and as a CSV download. The plan is real: a forecast run, a scenario for the day after
 * tomorrow (so its shifts still take sign-ups), a staffing plan from it, published whole. */
import request from 'supertest';

import type {
  AuditEventDto,
  ForecastRunSummary,
  PlanRosterDto,
  PoolShiftDto,
  ScenarioDto,
  SignUpWindowDto,
  StaffingPlanDto,
  StaffingPlanSummaryDto,
} from '@peakplan/contracts';
import { ForecastRunsService } from '@peakplan/backend/forecast-runs/forecast-runs.service';

import { localDateIn } from '../support/pool-fixtures';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('staffing plan roster and sign-up window', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let plan: StaffingPlanDto;
  let published: PoolShiftDto[];

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 28, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    const [phone] = await service.dataSource.query(`select id from queue where name = 'phone'`);
    const day = localDateIn(2);
    const runs = (
      await request(service.url)
        .post('/api/forecast-runs')
        .set(planner)
        .send({ queueId: phone.id, horizonDays: 3 })
        .expect(202)
    ).body as ForecastRunSummary[];
    await service.service.app.get(ForecastRunsService).waitFor(runs.map((run) => run.id));
    const scenario = (
      await request(service.url)
        .post('/api/scenarios')
        .set(planner)
        .send({ name: 'Roster test', forecastRunIds: runs.map((run) => run.id), from: day, to: day })
        .expect(201)
    ).body as ScenarioDto;
    plan = (
      await request(service.url)
        .post('/api/staffing-plans')
        .set(planner)
        .send({ scenarioId: scenario.id })
        .expect(201)
    ).body as StaffingPlanDto;
    expect(plan.shifts.length).toBeGreaterThan(1);
    published = (
      await request(service.url)
        .post(`/api/staffing-plans/${plan.id}/publish`)
        .set(planner)
        .send({})
        .expect(201)
    ).body as PoolShiftDto[];
  });
  afterAll(() => service?.stop());

  it('lists the plan with its draft and published shift counts', async () => {
    const plans = (await request(service.url).get('/api/staffing-plans').set(planner).expect(200))
      .body as StaffingPlanSummaryDto[];
    expect(plans.find((candidate) => candidate.id === plan.id)).toMatchObject({
      scenarioName: 'Roster test',
      draftShifts: plan.shifts.length,
      publishedShifts: published.length,
    });
  });

  it('closes sign-up (a member is then refused), reopens it (a member gets in), audited', async () => {
    // member015 and member025: approved, phone-trained, available any time (backend/src/demo/demo-pool.ts).
    const first = await sessionHeaders(service, 'member015@peakplan.test');
    const second = await sessionHeaders(service, 'member025@peakplan.test');
    await request(service.url).post(`/api/pool/shifts/${published[0].id}/sign-ups`).set(first).expect(201);

    const closed = (
      await request(service.url)
        .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
        .set(planner)
        .send({ state: 'closed' })
        .expect(200)
    ).body as SignUpWindowDto;
    expect(closed.changedShifts).toBe(published.length);
    expect(new Set(closed.shifts.map((shift) => shift.status))).toEqual(new Set(['closed']));
    const refused = await request(service.url)
      .post(`/api/pool/shifts/${published[1].id}/sign-ups`)
      .set(second);
    expect([refused.status, refused.body.code]).toEqual([409, 'window-closed']);
    // Closing again changes nothing.
    const again = (
      await request(service.url)
        .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
        .set(planner)
        .send({ state: 'closed' })
        .expect(200)
    ).body as SignUpWindowDto;
    expect(again.changedShifts).toBe(0);

    const reopened = (
      await request(service.url)
        .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
        .set(planner)
        .send({ state: 'open' })
        .expect(200)
    ).body as SignUpWindowDto;
    expect(reopened.changedShifts).toBe(published.length);
    expect(new Set(reopened.shifts.map((shift) => shift.status))).toEqual(new Set(['open']));
    // Default close: 24 hours before each start (the shifts start the day after tomorrow, more than 24 h away).
    for (const shift of reopened.shifts) {
      const start = published.find((candidate) => candidate.id === shift.shiftId)!.startsAt;
      expect(Date.parse(start) - Date.parse(shift.signUpClosesAt)).toBe(24 * 3_600_000);
    }
    await request(service.url).post(`/api/pool/shifts/${published[1].id}/sign-ups`).set(second).expect(201);

    const audit = (
      await request(service.url)
        .get(`/api/audit?entityType=staffing-plan&entityId=${plan.id}`)
        .set(await sessionHeaders(service, 'admin@peakplan.test'))
        .expect(200)
    ).body as AuditEventDto[];
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['shifts.sign-up-closed', 'shifts.sign-up-reopened', 'shifts.published']),
    );
  });

  it('refuses a bad window change naming the field, and a pool member', async () => {
    const past = await request(service.url)
      .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
      .set(planner)
      .send({ state: 'open', closesAt: '2020-01-01T00:00:00+01:00' });
    expect([past.status, past.body.details?.[0]?.field]).toEqual([400, 'closesAt']);
    const withClose = await request(service.url)
      .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
      .set(planner)
      .send({ state: 'closed', closesAt: '2099-01-01T00:00:00+01:00' });
    expect([withClose.status, withClose.body.details?.[0]?.field]).toEqual([400, 'closesAt']);
    const bogus = await request(service.url)
      .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
      .set(planner)
      .send({ state: 'ajar' });
    expect(bogus.status).toBe(400);
    expect(JSON.stringify(bogus.body)).toContain('state');
    const member = await sessionHeaders(service, 'member015@peakplan.test');
    await request(service.url)
      .put(`/api/staffing-plans/${plan.id}/sign-up-window`)
      .set(member)
      .send({ state: 'closed' })
      .expect(403);
    await request(service.url)
      .put('/api/staffing-plans/00000000-0000-4000-8000-000000000000/sign-up-window')
      .set(planner)
      .send({ state: 'closed' })
      .expect(404);
  });

  it('gives the roster: a line per place, confirmed members first, and the same as CSV', async () => {
    const roster = (
      await request(service.url).get(`/api/staffing-plans/${plan.id}/roster`).set(planner).expect(200)
    ).body as PlanRosterDto;
    // One line per published place: the places of all shifts together.
    const places = published.reduce((sum, shift) => sum + shift.places, 0);
    expect(roster.lines).toHaveLength(places);
    expect(roster.timeZone).toBe('Europe/Amsterdam');
    const firstLines = roster.lines.filter((line) => line.shiftId === published[0].id);
    expect(firstLines[0].member).not.toBeNull();
    expect(firstLines[0]).toMatchObject({
      date: published[0].date,
      start: published[0].start,
      end: published[0].end,
      queue: 'phone',
      email: 'member015@peakplan.test',
    });
    expect(firstLines.slice(1).every((line) => line.member === null)).toBe(true);
    expect(roster.lines.filter((line) => line.member !== null)).toHaveLength(2);

    const csv = await request(service.url)
      .get(`/api/staffing-plans/${plan.id}/roster.csv`)
      .set(planner)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="roster-roster-test-${plan.id.slice(0, 8)}.csv"`,
    );
    const rows = (csv.body as string).trimEnd().split('\r\n');
    expect(rows[0]).toBe('date,start,end,starts_at,ends_at,queue,member,email,department');
    expect(rows).toHaveLength(places + 1);
    const firstRow = rows[1 + roster.lines.indexOf(firstLines[0])].split(',');
    expect(firstRow.slice(0, 3)).toEqual([published[0].date, published[0].start, published[0].end]);
    expect(firstRow[3]).toBe(published[0].startsAt);
    expect(firstRow[7]).toBe('member015@peakplan.test');

    const manager = await sessionHeaders(service, 'manager@peakplan.test');
    await request(service.url).get(`/api/staffing-plans/${plan.id}/roster.csv`).set(manager).expect(200);
    const member = await sessionHeaders(service, 'member015@peakplan.test');
    await request(service.url).get(`/api/staffing-plans/${plan.id}/roster`).set(member).expect(403);
  });
});
