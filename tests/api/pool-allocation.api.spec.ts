/* Roster by preference on the real app and database: members mark preference shifts, a planner
 * allocates (HiGHS in the background), pins and re-runs, and publishes into sign-ups with messages;
 * the window-close job allocates once. The roster is the hand-derived one of the forecasting library's
 * test (forecasting/src/roster/roster.spec.ts), here with real shifts:
 *   E1 Monday 18:00–22:00, D Tuesday 09:00–13:00, E2 Wednesday 18:00–22:00, one place each, mid-January
 *   (no weekend, no event day): E1 and E2 have 4 hard hours (evening), D none.
 *   A wants E1 (rank 1) and E2, can D; B wants D, can E1 and E2.
 *   Cover: no staffing plan, so each filled place is worth 0.001 per paid hour: all three filled.
 *   Fairness: one evening each (most hard hours 4, not 8). Preferences: A E1 (3 + 1) + B D (3) + B E2
 *   (1) = 8 beats B E1 + A E2 + B D = 7. So A gets E1, B gets D and E2; A's want E2 went to B, who has
 *   fewer hard hours. */
import { DateTime } from 'luxon';
import request from 'supertest';

import type { AllocationDto, MyAllocationDto, PoolShiftDto } from '@peakplan/contracts';
import { AllocationJobService } from '@peakplan/backend/pool/allocation/allocation-job.service';

import { createPoolMembers, createShift, type PoolMemberFixture } from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const ZONE = 'Europe/Amsterdam';

/** A Monday at least `days` ahead, in the second or third week of a month (clear of the year's turn). */
function quietMonday(days: number): DateTime {
  let day = DateTime.now().setZone(ZONE).plus({ days }).startOf('day');
  day = day.plus({ days: (8 - day.weekday) % 7 });
  while (day.day < 8 || day.day > 20 || day.month === 12 || day.month === 2) day = day.plus({ weeks: 1 });
  return day;
}

describe('pool allocation by preference', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let a: PoolMemberFixture;
  let b: PoolMemberFixture;
  let untrained: PoolMemberFixture;
  let e1: PoolShiftDto;
  let d: PoolShiftDto;
  let e2: PoolShiftDto;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    [a] = await createPoolMembers(poolTarget(service), { prefix: 'alloc-a', count: 1 });
    [b] = await createPoolMembers(poolTarget(service), { prefix: 'alloc-b', count: 1 });
    [untrained] = await createPoolMembers(poolTarget(service), { prefix: 'alloc-u', count: 1, skills: [] });
    const monday = quietMonday(30);
    const shift = (offset: number, start: string, end: string) =>
      createShift(service, planner, {
        date: monday.plus({ days: offset }).toISODate()!,
        start,
        end,
        places: 1,
        allocation: 'preference',
        peak: 'Winter',
      });
    e1 = await shift(0, '18:00', '22:00');
    d = await shift(1, '09:00', '13:00');
    e2 = await shift(2, '18:00', '22:00');
  }, 120_000);
  afterAll(() => service?.stop());

  const mark = (member: PoolMemberFixture, shift: PoolShiftDto, body: object, status = 200) =>
    request(service.url)
      .put(`/api/pool/shifts/${shift.id}/preference`)
      .set(member.headers)
      .send(body)
      .expect(status);

  async function finished(id: string): Promise<AllocationDto> {
    for (;;) {
      const { body } = await request(service.url).get(`/api/pool/allocations/${id}`).set(planner).expect(200);
      if (body.status !== 'running') return body as AllocationDto;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const pairs = (allocation: AllocationDto) =>
    allocation.assignments
      .map(
        ({ shiftId, memberId }) =>
          `${shiftId === e1.id ? 'E1' : shiftId === d.id ? 'D' : 'E2'}:${memberId === a.id ? 'A' : 'B'}`,
      )
      .sort();

  it('members mark wants and cans; bad marks are refused with the field or rule named', async () => {
    expect((await mark(a, e1, { preference: 'want', rank: 1 })).body).toEqual({
      shiftId: e1.id,
      preference: 'want',
      rank: 1,
    });
    await mark(a, e2, { preference: 'want' });
    await mark(a, d, { preference: 'can' });
    await mark(b, d, { preference: 'want' });
    await mark(b, e1, { preference: 'can' });
    await mark(b, e2, { preference: 'can' });
    // The same mark again writes nothing.
    const [before] = await service.dataSource.query(
      `select sequence from pool_sign_up where shift_id = $1 and user_id = $2`,
      [e1.id, a.id],
    );
    await mark(a, e1, { preference: 'want', rank: 1 });
    const [after] = await service.dataSource.query(
      `select sequence from pool_sign_up where shift_id = $1 and user_id = $2`,
      [e1.id, a.id],
    );
    expect(after.sequence).toBe(before.sequence);
    // The member sees their mark on the shift.
    const { body: seen } = await request(service.url)
      .get(`/api/pool/shifts/${e1.id}`)
      .set(a.headers)
      .expect(200);
    expect(seen.mine).toMatchObject({ status: 'requested', preference: 'want', rank: 1 });

    const rank = await mark(a, d, { preference: 'can', rank: 2 }, 400);
    expect(rank.body.details).toEqual([{ field: 'rank', reason: 'only with preference want' }]);
    const bad = await mark(a, d, { preference: 'maybe' }, 400);
    expect(JSON.stringify(bad.body)).toMatch(/preference/);
    const refused = await mark(untrained, d, { preference: 'want' }, 409);
    expect(refused.body).toMatchObject({ code: 'untrained' });
    const firstCome = await createShift(service, planner, { date: e1.date, start: '08:00', end: '10:00' });
    expect((await mark(a, firstCome, { preference: 'want' }, 409)).body).toMatchObject({
      code: 'not-preference-shift',
    });
    // none takes a mark away, and can be given again.
    await mark(b, e2, { preference: 'none' });
    await mark(b, e2, { preference: 'can' });
  }, 120_000);

  let firstRun: AllocationDto;

  it('allocates the hand-derived roster and explains each want not given', async () => {
    const bad = await request(service.url)
      .post('/api/pool/allocations')
      .set(planner)
      .send({ shiftIds: ['x'] })
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/shiftIds/);
    await request(service.url)
      .post('/api/pool/allocations')
      .set(a.headers)
      .send({ shiftIds: [e1.id] })
      .expect(403);
    const { body: started } = await request(service.url)
      .post('/api/pool/allocations')
      .set(planner)
      .send({ shiftIds: [e1.id, d.id, e2.id] })
      .expect(202);
    expect(started).toMatchObject({ status: 'running' });
    firstRun = await finished(started.id);
    expect(firstRun.status).toBe('done');
    expect(pairs(firstRun)).toEqual(['D:B', 'E1:A', 'E2:B']);
    expect(firstRun.objective).toMatchObject({
      maxHardHours: 4,
      wantsGiven: 2,
      wantsNotGiven: 1,
      cansGiven: 1,
      preferenceScore: 8,
    });
    expect(firstRun.explanations).toContainEqual({
      memberId: a.id,
      shiftId: e2.id,
      outcome: 'not-given',
      reason: 'Given to someone with fewer hard hours this peak.',
    });
  }, 180_000);

  it('re-runs with pins kept, shows what changed, and publishes once into sign-ups and messages', async () => {
    const pins = [
      { shiftId: e2.id, memberId: a.id, pin: 'in' },
      { shiftId: e1.id, memberId: a.id, pin: 'out' },
    ];
    const { body: rerun } = await request(service.url)
      .put(`/api/pool/allocations/${firstRun.id}/pins`)
      .set(planner)
      .send({ pins })
      .expect(202);
    expect(rerun.previousId).toBe(firstRun.id);
    // The same pins again: the same re-run.
    const { body: again } = await request(service.url)
      .put(`/api/pool/allocations/${firstRun.id}/pins`)
      .set(planner)
      .send({ pins })
      .expect(202);
    expect(again.id).toBe(rerun.id);
    const pinned = await finished(rerun.id);
    // A is pinned to E2 and off E1: E1 goes to B (its only other taker); D to B as well (B's want).
    expect(pairs(pinned)).toEqual(['D:B', 'E1:B', 'E2:A']);
    expect(pinned.changes).toEqual({
      previousId: firstRun.id,
      added: expect.arrayContaining([
        { shiftId: e1.id, memberId: b.id },
        { shiftId: e2.id, memberId: a.id },
      ]),
      removed: expect.arrayContaining([
        { shiftId: e1.id, memberId: a.id },
        { shiftId: e2.id, memberId: b.id },
      ]),
    });

    const { body: published } = await request(service.url)
      .post(`/api/pool/allocations/${rerun.id}/publish`)
      .set(planner)
      .expect(200);
    expect(published.publishedAt).not.toBeNull();
    await request(service.url).post(`/api/pool/allocations/${rerun.id}/publish`).set(planner).expect(200);
    // Another run over the same shifts cannot publish a second roster.
    await request(service.url).post(`/api/pool/allocations/${firstRun.id}/publish`).set(planner).expect(409);

    const signUps: { shift_id: string; user_id: string; status: string }[] = await service.dataSource.query(
      `select shift_id, user_id, status from pool_sign_up where shift_id = any($1) order by shift_id, user_id`,
      [[e1.id, d.id, e2.id]],
    );
    const status = (shift: PoolShiftDto, member: PoolMemberFixture) =>
      signUps.find((row) => row.shift_id === shift.id && row.user_id === member.id)?.status;
    expect([status(e1, b), status(d, b), status(e2, a)]).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect([status(e1, a), status(d, a), status(e2, b)]).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const counts: { confirmed_count: number }[] = await service.dataSource.query(
      `select confirmed_count from pool_shift where id = any($1)`,
      [[e1.id, d.id, e2.id]],
    );
    expect(counts.map((row) => row.confirmed_count)).toEqual([1, 1, 1]);
    const messages: { user_id: string; payload: { given: string[] } }[] = await service.dataSource.query(
      `select user_id, payload from pool_outbox where kind = 'allocation-result' order by user_id`,
    );
    expect(messages).toHaveLength(2); // published twice, told once
    expect(messages.find((m) => m.user_id === a.id)?.payload.given).toEqual([e2.id]);

    const { body: mine } = await request(service.url)
      .get('/api/pool/me/allocations')
      .set(a.headers)
      .expect(200);
    const [result] = mine as MyAllocationDto[];
    expect(result.given.map((shift) => shift.id)).toEqual([e2.id]);
    expect(result.notGiven).toContainEqual({
      shift: expect.objectContaining({ id: e1.id }),
      preference: 'want',
      reason: 'Removed by a planner.',
    });
    await request(service.url).get('/api/pool/me/allocations').set(planner).expect(403);
  }, 180_000);

  it('allocates at the window close once across runs of the job', async () => {
    const monday = quietMonday(60);
    const closesAt = DateTime.now().plus({ hours: 1 }).startOf('minute');
    const late = await createShift(service, planner, {
      date: monday.toISODate()!,
      start: '18:00',
      end: '22:00',
      places: 1,
      allocation: 'preference',
      signUpClosesAt: closesAt.toUTC().toISO()!,
    });
    await mark(b, late, { preference: 'want' });
    const job = service.service.app.get(AllocationJobService);
    const after = closesAt.plus({ minutes: 1 }).toJSDate();
    const [first] = await job.allocateClosedWindows(after);
    expect(first).toMatchObject({ ran: true });
    const [second] = await job.allocateClosedWindows(after);
    expect(second).toMatchObject({ ran: false, skipped: 'already-run' });
    const runs: { status: string; trigger: string; assignments: { memberId: string }[] }[] =
      await service.dataSource.query(
        `select status, trigger, assignments from pool_allocation where $1 = any(shift_ids)`,
        [late.id],
      );
    expect(runs).toEqual([
      { status: 'done', trigger: 'window-close', assignments: [{ shiftId: late.id, memberId: b.id }] },
    ]);
  }, 180_000);
});
