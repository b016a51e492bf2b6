/* One refusal per sign-up rule, on the real app and database: each is a 409 with the rule's stable code
 * and a plain sentence, and nothing of the attempt is written (no sign-up row, confirmed count unchanged). */
import { DateTime } from 'luxon';
import request from 'supertest';

import type { PoolRuleCode, PoolShiftDto } from '@peakplan/contracts';

import {
  createPoolMembers,
  createShift,
  localDateIn,
  type PoolMemberFixture,
} from '../support/pool-fixtures';
import { sessionHeaders } from '../support/sign-in';
import { poolTarget } from '../support/pool-target';
import { startTestService, type TestService } from '../support/test-service';

/** A Monday at least `days` ahead (so a whole ISO week of shifts lies in the future). */
function mondayAfter(days: number): DateTime {
  const day = DateTime.now().setZone('Europe/Amsterdam').plus({ days }).startOf('day');
  return day.plus({ days: (8 - day.weekday) % 7 });
}

describe('sign-up rules: a refusal per rule, nothing written', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    admin = await sessionHeaders(service, 'admin@peakplan.test');
  });
  afterAll(() => service?.stop());

  async function signUp(shift: PoolShiftDto, member: PoolMemberFixture, status = 201) {
    return request(service.url)
      .post(`/api/pool/shifts/${shift.id}/sign-ups`)
      .set(member.headers)
      .expect(status);
  }

  async function expectRefused(
    shift: PoolShiftDto,
    member: PoolMemberFixture,
    rule: PoolRuleCode,
    sentence: RegExp,
  ) {
    const [before] = await service.dataSource.query(`select confirmed_count from pool_shift where id = $1`, [
      shift.id,
    ]);
    const response = await signUp(shift, member, 409);
    expect(response.body).toMatchObject({
      statusCode: 409,
      code: rule,
      details: [{ field: 'rule', reason: rule }],
    });
    expect(response.body.message).toMatch(sentence);
    const rows = await service.dataSource.query(
      `select 1 from pool_sign_up where shift_id = $1 and user_id = $2`,
      [shift.id, member.id],
    );
    expect(rows).toEqual([]);
    const [after] = await service.dataSource.query(`select confirmed_count from pool_shift where id = $1`, [
      shift.id,
    ]);
    expect(after.confirmed_count).toBe(before.confirmed_count);
  }

  it('not-a-member: a pool-member account that never joined (or left)', async () => {
    const shift = await createShift(service, planner);
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'nomember', count: 1 });
    await service.dataSource.query(`delete from pool_member where user_id = $1`, [member.id]);
    await expectRefused(shift, member, 'not-a-member', /not in the pool/);
  });

  it("not-approved: waiting for the manager's approval, or refused", async () => {
    const shift = await createShift(service, planner);
    const [pending] = await createPoolMembers(poolTarget(service), {
      prefix: 'pending',
      count: 1,
      approval: 'pending',
    });
    await expectRefused(shift, pending, 'not-approved', /waiting for your manager's approval/);
    const [refused] = await createPoolMembers(poolTarget(service), {
      prefix: 'refused',
      count: 1,
      approval: 'refused',
    });
    await expectRefused(shift, refused, 'not-approved', /did not approve/);
  });

  it('untrained and training-expired: only training current on the shift date books the skill', async () => {
    const shift = await createShift(service, planner, { date: localDateIn(10) });
    const [untrained] = await createPoolMembers(poolTarget(service), {
      prefix: 'untrained',
      count: 1,
      skills: [],
    });
    await expectRefused(shift, untrained, 'untrained', /not trained for phone/);
    const [expired] = await createPoolMembers(poolTarget(service), {
      prefix: 'expired',
      count: 1,
      skills: [{ skill: 'phone', trainedOn: '2024-01-01', expiresOn: localDateIn(-3) }],
    });
    await expectRefused(shift, expired, 'training-expired', /Your phone training expired on/);
    // Expiring between today and the shift also refuses: it must be current on the shift's date.
    const [expiring] = await createPoolMembers(poolTarget(service), {
      prefix: 'expiring',
      count: 1,
      skills: [{ skill: 'phone', trainedOn: '2024-01-01', expiresOn: localDateIn(5) }],
    });
    await expectRefused(shift, expiring, 'training-expired', /expires on .*, before this shift/);
  });

  it('unavailable: a date off, or outside the weekly pattern', async () => {
    const monday = mondayAfter(10);
    const shift = await createShift(service, planner, { date: monday.toISODate()! });
    const [dayOff] = await createPoolMembers(poolTarget(service), { prefix: 'dayoff', count: 1 });
    await request(service.url)
      .put('/api/pool/me/availability')
      .set(dayOff.headers)
      .send({ datesOff: [monday.toISODate()] })
      .expect(200);
    await expectRefused(shift, dayOff, 'unavailable', /as a day off/);
    const [weekends] = await createPoolMembers(poolTarget(service), {
      prefix: 'weekends',
      count: 1,
      weeklyAvailability: [
        { weekday: 6, from: '08:00', to: '20:00' },
        { weekday: 1, from: '10:00', to: '20:00' },
      ],
    });
    await expectRefused(shift, weekends, 'unavailable', /not available on Mondays from 09:00 to 13:00/);
  });

  it('overlap and rest-too-short: against my confirmed shifts', async () => {
    const day = localDateIn(20);
    const booked = await createShift(service, planner, { date: day, start: '09:00', end: '13:00' });
    const overlapping = await createShift(service, planner, { date: day, start: '12:00', end: '16:00' });
    // 13:00 -> 20:00 is 7 hours of rest, under the 11 hours required.
    const evening = await createShift(service, planner, { date: day, start: '20:00', end: '23:00' });
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'overlap', count: 1 });
    await signUp(booked, member);
    await expectRefused(overlapping, member, 'overlap', /overlaps your shift of/);
    await expectRefused(evening, member, 'rest-too-short', /Less than 11 hours of rest/);
    // 13:00 -> 00:00 the next day is exactly 11 hours: allowed.
    const nextDay = await createShift(service, planner, {
      date: localDateIn(21),
      start: '00:00',
      end: '04:00',
    });
    await signUp(nextDay, member);
  });

  it('weekly-hours and peak-hours: the caps count confirmed paid hours', async () => {
    const monday = mondayAfter(14);
    const [weekly] = await createPoolMembers(poolTarget(service), {
      prefix: 'weekly',
      count: 1,
      maxHoursPerWeek: 6,
    });
    const first = await createShift(service, planner, {
      date: monday.toISODate()!,
      start: '09:00',
      end: '13:00',
    });
    // Wednesday of the same ISO week: 4 + 4 = 8 hours > 6.
    const second = await createShift(service, planner, {
      date: monday.plus({ days: 2 }).toISODate()!,
      start: '09:00',
      end: '13:00',
    });
    await signUp(first, weekly);
    await expectRefused(second, weekly, 'weekly-hours', /8 hours in week \d+, over your maximum of 6/);
    // A 30-minute break makes it 4 + 3.5 = 7.5 > 6; still refused, and a 2-hour shift (4 + 2 = 6) is allowed.
    const short = await createShift(service, planner, {
      date: monday.plus({ days: 3 }).toISODate()!,
      start: '09:00',
      end: '11:00',
    });
    await signUp(short, weekly);

    const [peak] = await createPoolMembers(poolTarget(service), {
      prefix: 'peak',
      count: 1,
      maxHoursPerPeak: 5,
    });
    const peakOne = await createShift(service, planner, { date: localDateIn(30), peak: 'Christmas 2026' });
    const peakTwo = await createShift(service, planner, { date: localDateIn(40), peak: 'Christmas 2026' });
    const otherPeak = await createShift(service, planner, { date: localDateIn(50), peak: 'Valentine 2027' });
    await signUp(peakOne, peak);
    await expectRefused(peakTwo, peak, 'peak-hours', /8 hours in Christmas 2026, over your maximum of 5/);
    await signUp(otherPeak, peak);
  });

  it('department-cap: no more of a department away at once than its cap', async () => {
    const members = await createPoolMembers(poolTarget(service), { prefix: 'capped', count: 3 });
    const [{ department_id: departmentId }] = await service.dataSource.query(
      `select department_id from app_user where id = $1`,
      [members[0].id],
    );
    await request(service.url)
      .put(`/api/pool/department-caps/${departmentId}`)
      .set(admin)
      .send({ maxPeople: 1 })
      .expect(200);
    const day = localDateIn(25);
    const morning = await createShift(service, planner, {
      date: day,
      start: '09:00',
      end: '13:00',
      places: 5,
    });
    const midday = await createShift(service, planner, {
      date: day,
      start: '12:00',
      end: '16:00',
      places: 5,
    });
    const afternoon = await createShift(service, planner, {
      date: day,
      start: '13:00',
      end: '17:00',
      places: 5,
    });
    await signUp(morning, members[0]);
    await expectRefused(morning, members[1], 'department-cap', /already has 1 of at most 1 people/);
    await expectRefused(midday, members[1], 'department-cap', /already has 1 of at most 1 people/);
    // From 13:00 the first member is back: the afternoon shift does not overlap theirs.
    await signUp(afternoon, members[1]);
  });

  it('window-not-open, window-closed and shift-past', async () => {
    const hour = 3_600_000;
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'window', count: 1 });
    const notYet = await createShift(service, planner, {
      date: localDateIn(10),
      signUpOpensAt: new Date(Date.now() + 48 * hour).toISOString(),
    });
    expect(notYet.status).toBe('upcoming');
    await expectRefused(notYet, member, 'window-not-open', /Sign-up for this shift opens at/);
    const closed = await createShift(service, planner, {
      date: localDateIn(10),
      signUpOpensAt: new Date(Date.now() - 48 * hour).toISOString(),
      signUpClosesAt: new Date(Date.now() - hour).toISOString(),
    });
    expect(closed.status).toBe('closed');
    await expectRefused(closed, member, 'window-closed', /has closed/);
    const past = await createShift(service, planner, {
      date: localDateIn(-1),
      signUpOpensAt: new Date(Date.now() - 96 * hour).toISOString(),
      signUpClosesAt: new Date(Date.now() - 72 * hour).toISOString(),
    });
    await expectRefused(past, member, 'shift-past', /already started or is over/);
  });

  it('withdrawal-cutoff-passed: a confirmed member cannot withdraw after the cut-off', async () => {
    const shift = await createShift(service, planner, {
      date: localDateIn(5),
      withdrawalCutoffAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'cutoff', count: 1 });
    await signUp(shift, member);
    const refused = await request(service.url)
      .delete(`/api/pool/shifts/${shift.id}/sign-ups/mine`)
      .set(member.headers)
      .expect(409);
    expect(refused.body.code).toBe('withdrawal-cutoff-passed');
    const [row] = await service.dataSource.query(`select status from pool_sign_up where shift_id = $1`, [
      shift.id,
    ]);
    expect(row.status).toBe('confirmed');
    const [other] = await createPoolMembers(poolTarget(service), { prefix: 'notsigned', count: 1 });
    const missing = await request(service.url)
      .delete(`/api/pool/shifts/${shift.id}/sign-ups/mine`)
      .set(other.headers)
      .expect(404);
    expect(missing.body.code).toBe('not-signed-up');
  });
});
