/* Peak shifts and sign-ups on the real app and database: publishing a staffing plan's draft shifts,
 * shifts made by hand, sign-up to confirmed / waitlisted / requested, withdrawal that promotes the
 * first of the waitlist with an outbox message, audited changes, cutting places, cancelling. */
import request from 'supertest';

import type {
  AuditEventDto,
  MyScheduleEntryDto,
  PoolShiftDto,
  ShiftSignUpDto,
  SignUpResponse,
  StaffingPlanDto,
  WithdrawResponse,
} from '@peakplan/contracts';

import { createPoolMembers, createShift, localDateIn } from '../support/pool-fixtures';
import { sessionHeaders } from '../support/sign-in';
import { poolTarget } from '../support/pool-target';
import { startTestService, type TestService } from '../support/test-service';

describe('pool shifts and sign-ups', () => {
  let service: TestService;
  let planner: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
  });
  afterAll(() => service?.stop());

  /** A staffing plan with three draft shifts 12 days ahead, written as the planning service stores them. */
  async function planWithDrafts(name = 'Valentine 2027 plan'): Promise<string> {
    const db = service.dataSource;
    const [{ id: organisationId }] = await db.query(`select id from organisation limit 1`);
    const [{ id: scenarioId }] = await db.query(
      `insert into scenario (organisation_id, name, forecast_run_ids, period_from, period_to)
       values ($1, $3, '{}', $2, $2) returning id`,
      [organisationId, localDateIn(12), name],
    );
    const [{ id: planId }] = await db.query(
      `insert into staffing_plan (scenario_id, period_from, period_to, summary) values ($1, $2, $2, '{"queues":[]}') returning id`,
      [scenarioId, localDateIn(12)],
    );
    const day = localDateIn(12);
    for (const [start, end, queue, places] of [
      ['08:00', '12:00', 'phone', 3],
      ['12:00', '18:00', 'phone', 2],
      ['09:00', '13:00', 'chat', 1],
    ] as const)
      await db.query(
        `insert into draft_shift (staffing_plan_id, queue_id, starts_at, ends_at, break_starts_at, break_ends_at, places, paid_hours)
         select $1, q.id, ($2 || ' ' || $3)::timestamp at time zone 'Europe/Amsterdam', ($2 || ' ' || $4)::timestamp at time zone 'Europe/Amsterdam',
                case when $6 = 2 then ($2 || ' 15:00')::timestamp at time zone 'Europe/Amsterdam' end,
                case when $6 = 2 then ($2 || ' 15:30')::timestamp at time zone 'Europe/Amsterdam' end, $6, 4
           from queue q where q.name = $5`,
        [planId, day, start, end, queue, places],
      );
    return planId;
  }

  it('publishes a plan’s chosen draft shifts, then the rest, each once; a demo member signs up through the API', async () => {
    const planId = await planWithDrafts();
    const plan = (await request(service.url).get(`/api/staffing-plans/${planId}`).set(planner).expect(200))
      .body as StaffingPlanDto;
    expect(plan.shifts).toHaveLength(3);
    const chosen = plan.shifts.filter((shift) => shift.queue === 'chat').map((shift) => shift.id);
    const first = (
      await request(service.url)
        .post(`/api/staffing-plans/${planId}/publish`)
        .set(planner)
        .send({ draftShiftIds: chosen })
        .expect(201)
    ).body as PoolShiftDto[];
    expect(first.map((shift) => [shift.skill, shift.start, shift.end, shift.places])).toEqual([
      ['chat', '09:00', '13:00', 1],
    ]);
    const rest = (
      await request(service.url)
        .post(`/api/staffing-plans/${planId}/publish`)
        .set(planner)
        .send({})
        .expect(201)
    ).body as PoolShiftDto[];
    expect(
      rest.map((shift) => [shift.skill, shift.start, shift.end, shift.places, shift.breakMinutes]),
    ).toEqual([
      ['phone', '08:00', '12:00', 3, 0],
      ['phone', '12:00', '18:00', 2, 30],
    ]);
    expect(rest[0]).toMatchObject({ status: 'open', peak: 'Valentine 2027 plan', staffingPlanId: planId });
    await request(service.url)
      .post(`/api/staffing-plans/${planId}/publish`)
      .set(planner)
      .send({ draftShiftIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);

    // member015: approved, phone trained, no availability limits (demo-pool.ts: 15 % 5 == 0).
    const member = await sessionHeaders(service, 'member015@peakplan.test');
    const open = (await request(service.url).get('/api/pool/shifts?status=open').set(member).expect(200))
      .body as PoolShiftDto[];
    expect(open.map((shift) => shift.id)).toEqual(expect.arrayContaining([rest[0].id, rest[1].id]));
    // member015 has no chat training (15 % 3 == 0): the chat shift does not fit them.
    expect(open.map((shift) => shift.id)).not.toContain(first[0].id);
    const signUp = (
      await request(service.url).post(`/api/pool/shifts/${rest[0].id}/sign-ups`).set(member).expect(201)
    ).body as SignUpResponse;
    expect(signUp).toMatchObject({ status: 'confirmed', shiftId: rest[0].id });
    expect(signUp.position).toBeUndefined();
  });

  it('refuses publishing draft shifts that already began, naming them, and publishes the later ones by id', async () => {
    const planId = await planWithDrafts('Plan made today');
    // A plan made today for a period starting today: its first shift began an hour ago.
    const [{ id: startedId }] = await service.dataSource.query(
      `select id from draft_shift where staffing_plan_id = $1 order by starts_at, id limit 1`,
      [planId],
    );
    await service.dataSource.query(
      `update draft_shift set starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours' where id = $1`,
      [startedId],
    );
    const refused = await request(service.url)
      .post(`/api/staffing-plans/${planId}/publish`)
      .set(planner)
      .send({})
      .expect(400);
    // Was "signUpClosesAt: must be after signUpOpensAt", a field the planner never sent.
    expect(refused.body.details).toEqual([
      {
        field: 'draftShiftIds',
        reason: expect.stringMatching(
          new RegExp(
            `^1 draft shift\\(s\\) start before their sign-up opens \\(now\\), the first ${startedId} at `,
          ),
        ),
      },
    ]);
    expect(
      await service.dataSource.query(
        `select count(*)::int as n from pool_shift where staffing_plan_id = $1`,
        [planId],
      ),
    ).toEqual([{ n: 0 }]);
    const plan = (await request(service.url).get(`/api/staffing-plans/${planId}`).set(planner).expect(200))
      .body as StaffingPlanDto;
    // Upper-case ids are the same draft shifts (were "not draft shifts of plan …").
    const later = plan.shifts
      .map((shift) => shift.id)
      .filter((id) => id !== startedId)
      .map((id) => id.toUpperCase());
    const published = (
      await request(service.url)
        .post(`/api/staffing-plans/${planId}/publish`)
        .set(planner)
        .send({ draftShiftIds: later })
        .expect(201)
    ).body as PoolShiftDto[];
    expect(published).toHaveLength(2);
  });

  it('confirms up to the places, then waitlists with positions; a withdrawal promotes the first in line', async () => {
    const shift = await createShift(service, planner, { places: 2, date: localDateIn(14) });
    const members = await createPoolMembers(poolTarget(service), { prefix: 'line', count: 5 });
    const answers: SignUpResponse[] = [];
    for (const member of members)
      answers.push(
        (
          await request(service.url)
            .post(`/api/pool/shifts/${shift.id}/sign-ups`)
            .set(member.headers)
            .expect(201)
        ).body as SignUpResponse,
      );
    expect(answers.map((answer) => [answer.status, answer.position])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    const twice = await request(service.url)
      .post(`/api/pool/shifts/${shift.id}/sign-ups`)
      .set(members[0].headers)
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'already-signed-up' });

    const withdrawn = (
      await request(service.url)
        .delete(`/api/pool/shifts/${shift.id}/sign-ups/mine`)
        .set(members[1].headers)
        .expect(200)
    ).body as WithdrawResponse;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', promotedMemberId: members[2].id });
    const outbox = await service.dataSource.query(
      `select user_id, kind, payload from pool_outbox where user_id = $1`,
      [members[2].id],
    );
    expect(outbox).toEqual([
      expect.objectContaining({ kind: 'promoted', payload: expect.objectContaining({ shiftId: shift.id }) }),
    ]);

    const signUps = (
      await request(service.url).get(`/api/pool/shifts/${shift.id}/sign-ups`).set(planner).expect(200)
    ).body as ShiftSignUpDto[];
    expect(signUps.map((row) => [row.memberId, row.status, row.position])).toEqual([
      [members[0].id, 'confirmed', undefined],
      [members[2].id, 'confirmed', undefined],
      [members[3].id, 'waitlisted', 1],
      [members[4].id, 'waitlisted', 2],
      [members[1].id, 'withdrawn', undefined],
    ]);
    const schedule = (
      await request(service.url).get('/api/pool/me/schedule').set(members[4].headers).expect(200)
    ).body as MyScheduleEntryDto[];
    expect(schedule).toEqual([expect.objectContaining({ status: 'waitlisted', position: 2 })]);
    expect(schedule[0].shift.id).toBe(shift.id);
    // Withdrawn, the member may sign up again: at the back of the line.
    const again = (
      await request(service.url)
        .post(`/api/pool/shifts/${shift.id}/sign-ups`)
        .set(members[1].headers)
        .expect(201)
    ).body as SignUpResponse;
    expect(again).toMatchObject({ status: 'waitlisted', position: 3 });
    // A member sees only their own: another member's shift list entry shows their own sign-up only.
    const own = (
      await request(service.url).get(`/api/pool/shifts/${shift.id}`).set(members[3].headers).expect(200)
    ).body as PoolShiftDto;
    expect(own.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    await request(service.url)
      .get(`/api/pool/shifts/${shift.id}/sign-ups`)
      .set(members[3].headers)
      .expect(403);
  });

  it('stores a sign-up on a preference shift as requested', async () => {
    const shift = await createShift(service, planner, { allocation: 'preference', date: localDateIn(15) });
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'pref', count: 1 });
    const answer = (
      await request(service.url).post(`/api/pool/shifts/${shift.id}/sign-ups`).set(member.headers).expect(201)
    ).body as SignUpResponse;
    expect(answer.status).toBe('requested');
    const [row] = await service.dataSource.query(
      `select confirmed_count, places from pool_shift where id = $1`,
      [shift.id],
    );
    expect(row.confirmed_count).toBe(0);
  });

  it('audits a change, tells the booked members, and refuses cutting places below the confirmed unless asked', async () => {
    const shift = await createShift(service, planner, { places: 3, date: localDateIn(16) });
    const members = await createPoolMembers(poolTarget(service), { prefix: 'cut', count: 4 });
    for (const member of members)
      await request(service.url)
        .post(`/api/pool/shifts/${shift.id}/sign-ups`)
        .set(member.headers)
        .expect(201);
    const refused = await request(service.url)
      .patch(`/api/pool/shifts/${shift.id}`)
      .set(planner)
      .send({ places: 1 })
      .expect(409);
    expect(refused.body.code).toBe('places-below-confirmed');
    const [{ places }] = await service.dataSource.query(`select places from pool_shift where id = $1`, [
      shift.id,
    ]);
    expect(places).toBe(3);

    const cut = (
      await request(service.url)
        .patch(`/api/pool/shifts/${shift.id}`)
        .set(planner)
        .send({ places: 1, start: '10:00', moveLastConfirmedToWaitlist: true })
        .expect(200)
    ).body as PoolShiftDto;
    expect(cut).toMatchObject({ places: 1, confirmed: 1, waitlisted: 3, start: '10:00', end: '13:00' });
    const signUps = (
      await request(service.url).get(`/api/pool/shifts/${shift.id}/sign-ups`).set(planner).expect(200)
    ).body as ShiftSignUpDto[];
    // The two last confirmed go back to the front of the line, before the one who was waiting.
    expect(signUps.map((row) => [row.memberId, row.status, row.position])).toEqual([
      [members[0].id, 'confirmed', undefined],
      [members[1].id, 'waitlisted', 1],
      [members[2].id, 'waitlisted', 2],
      [members[3].id, 'waitlisted', 3],
    ]);
    const audit = (
      await request(service.url)
        .get(`/api/audit?entityType=pool-shift&entityId=${shift.id}`)
        .set(await sessionHeaders(service, 'admin@peakplan.test'))
    ).body as AuditEventDto[];
    expect(audit[0]).toMatchObject({
      action: 'pool-shift.updated',
      before: expect.objectContaining({ places: 3, start: '09:00' }),
      after: expect.objectContaining({ places: 1, start: '10:00' }),
    });
    const told = await service.dataSource.query(
      `select kind, count(*)::int as n from pool_outbox where payload->>'shiftId' = $1 group by kind order by kind`,
      [shift.id],
    );
    expect(told).toEqual([
      { kind: 'moved-to-waitlist', n: 2 },
      { kind: 'shift-changed', n: 2 },
    ]);

    // More places again: filled from the waitlist in order.
    const grown = (
      await request(service.url)
        .patch(`/api/pool/shifts/${shift.id}`)
        .set(planner)
        .send({ places: 3 })
        .expect(200)
    ).body as PoolShiftDto;
    expect(grown).toMatchObject({ confirmed: 3, waitlisted: 1 });
  });

  it('cancels a shift: every sign-up cancelled, members told, sign-up refused', async () => {
    const shift = await createShift(service, planner, { places: 1, date: localDateIn(17) });
    const members = await createPoolMembers(poolTarget(service), { prefix: 'cancel', count: 2 });
    for (const member of members)
      await request(service.url)
        .post(`/api/pool/shifts/${shift.id}/sign-ups`)
        .set(member.headers)
        .expect(201);
    const cancelled = (
      await request(service.url).post(`/api/pool/shifts/${shift.id}/cancel`).set(planner).expect(200)
    ).body as PoolShiftDto;
    expect(cancelled).toMatchObject({ status: 'cancelled', confirmed: 0, waitlisted: 0 });
    const statuses = await service.dataSource.query(`select status from pool_sign_up where shift_id = $1`, [
      shift.id,
    ]);
    expect(statuses).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }]);
    const [{ n }] = await service.dataSource.query(
      `select count(*)::int as n from pool_outbox where kind = 'shift-cancelled' and payload->>'shiftId' = $1`,
      [shift.id],
    );
    expect(n).toBe(2);
    const [late] = await createPoolMembers(poolTarget(service), { prefix: 'late', count: 1 });
    const refused = await request(service.url)
      .post(`/api/pool/shifts/${shift.id}/sign-ups`)
      .set(late.headers)
      .expect(409);
    expect(refused.body.code).toBe('shift-cancelled');
  });

  it('refuses bad shift input with the field named', async () => {
    const bad = await request(service.url)
      .post('/api/pool/shifts')
      .set(planner)
      .send({ date: '2027-02-30x', start: '9:00', end: '13:00', skill: 'phone', places: 0 })
      .expect(400);
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'date',
      'places',
      'start',
    ]);
    const unknownSkill = await request(service.url)
      .post('/api/pool/shifts')
      .set(planner)
      .send({ date: localDateIn(20), start: '09:00', end: '13:00', skill: 'fax', places: 1 })
      .expect(400);
    expect(unknownSkill.body.details[0].field).toBe('skill');
    // 02:30 on the last Sunday of March 2027 does not exist in Amsterdam.
    const skipped = await request(service.url)
      .post('/api/pool/shifts')
      .set(planner)
      .send({ date: '2027-03-28', start: '02:30', end: '06:00', skill: 'phone', places: 1 })
      .expect(400);
    expect(skipped.body.details[0].field).toBe('start');
  });
});
