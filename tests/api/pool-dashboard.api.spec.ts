/* What the members' and managers' dashboard reads, on the real app and database: an open shift says
 * which rule would refuse the member (the same sentence as the sign-up's 409), and a manager sees who
 * of their own department is booked when, and nobody of another department. */
import { DateTime } from 'luxon';
import request from 'supertest';

import type { DepartmentBookingDto, PoolShiftDto } from '@peakplan/contracts';

import { createPoolMembers, createShift, localDateIn } from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('pool dashboard reads', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    admin = await sessionHeaders(service, 'admin@peakplan.test');
  });
  afterAll(() => service?.stop());

  async function openShifts(headers: Record<string, string>): Promise<PoolShiftDto[]> {
    return (await request(service.url).get('/api/pool/shifts').set(headers).expect(200))
      .body as PoolShiftDto[];
  }

  it('an open shift names the rule that would refuse me, in the words of the refusal', async () => {
    const day = localDateIn(20);
    const nextDay = localDateIn(21);
    const booked = await createShift(service, planner, { date: day, start: '09:00', end: '13:00' });
    const overlapping = await createShift(service, planner, { date: day, start: '12:00', end: '16:00' });
    // 13:00 -> 20:00 is 7 hours of rest, under 11.
    const evening = await createShift(service, planner, { date: day, start: '20:00', end: '23:00' });
    // The same night: 04:00 -> 09:00 is 5 hours before the booked shift starts.
    const night = await createShift(service, planner, { date: day, start: '00:00', end: '04:00' });
    // 13:00 -> 00:00 the next day is exactly 11 hours: allowed.
    const midnight = await createShift(service, planner, { date: nextDay, start: '00:00', end: '04:00' });
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'blocked', count: 1 });
    await request(service.url).post(`/api/pool/shifts/${booked.id}/sign-ups`).set(member.headers).expect(201);

    const byId = new Map((await openShifts(member.headers)).map((shift) => [shift.id, shift]));
    const bookedOn = DateTime.fromISO(day).toFormat('d MMMM');
    expect(byId.get(booked.id)).toMatchObject({ mine: { status: 'confirmed' } });
    expect(byId.get(booked.id)?.blockedBy).toBeUndefined();
    expect(byId.get(overlapping.id)?.blockedBy).toEqual({
      code: 'overlap',
      reason: `This shift overlaps your shift of ${bookedOn} from 09:00 to 13:00.`,
    });
    expect(byId.get(evening.id)?.blockedBy).toEqual({
      code: 'rest-too-short',
      reason: `Less than 11 hours of rest after your shift that ends at 13:00 on ${bookedOn}.`,
    });
    expect(byId.get(night.id)?.blockedBy).toEqual({
      code: 'rest-too-short',
      reason: `Less than 11 hours of rest before your shift that starts at 09:00 on ${bookedOn}.`,
    });
    expect(byId.get(midnight.id)?.blockedBy).toBeNull();

    // The sign-up refuses with the same sentence the list showed.
    const refused = await request(service.url)
      .post(`/api/pool/shifts/${evening.id}/sign-ups`)
      .set(member.headers)
      .expect(409);
    expect(refused.body.message).toBe(byId.get(evening.id)?.blockedBy?.reason);

    // Withdrawn, the booked shift holds nothing: the others are free again and it can be taken again.
    await request(service.url)
      .delete(`/api/pool/shifts/${booked.id}/sign-ups/mine`)
      .set(member.headers)
      .expect(200);
    const after = new Map((await openShifts(member.headers)).map((shift) => [shift.id, shift]));
    expect(after.get(booked.id)).toMatchObject({ mine: { status: 'withdrawn' }, blockedBy: null });
    expect(after.get(overlapping.id)?.blockedBy).toBeNull();
    expect(after.get(evening.id)?.blockedBy).toBeNull();
  });

  it('the department cap and the hours caps show on the list before a sign-up is tried', async () => {
    const members = await createPoolMembers(poolTarget(service), {
      prefix: 'capview',
      count: 2,
      maxHoursPerPeak: 5,
    });
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
    const morning = await createShift(service, planner, { date: day, places: 5, peak: 'Easter 2027' });
    const later = await createShift(service, planner, {
      date: localDateIn(27),
      places: 5,
      peak: 'Easter 2027',
    });
    await request(service.url)
      .post(`/api/pool/shifts/${morning.id}/sign-ups`)
      .set(members[0].headers)
      .expect(201);

    const colleague = new Map((await openShifts(members[1].headers)).map((shift) => [shift.id, shift]));
    expect(colleague.get(morning.id)?.blockedBy).toEqual({
      code: 'department-cap',
      reason: 'Your department already has 1 of at most 1 people in the pool during this shift.',
    });
    expect(colleague.get(later.id)?.blockedBy).toBeNull();
    // 4 hours booked in the peak + 4 more = 8 > 5.
    const mine = new Map((await openShifts(members[0].headers)).map((shift) => [shift.id, shift]));
    expect(mine.get(later.id)?.blockedBy).toEqual({
      code: 'peak-hours',
      reason: 'This shift would bring you to 8 hours in Easter 2027, over your maximum of 5.',
    });
  });

  it("a manager sees who of their own department is booked when; an admin every department's", async () => {
    const manager = await sessionHeaders(service, 'manager@peakplan.test');
    const marketing = await createPoolMembers(poolTarget(service), {
      prefix: 'marketing-booked',
      count: 2,
      department: 'Marketing',
    });
    const [outsider] = await createPoolMembers(poolTarget(service), { prefix: 'elsewhere', count: 1 });
    const shift = await createShift(service, planner, {
      date: localDateIn(30),
      start: '10:00',
      end: '14:00',
      places: 1,
    });
    for (const member of [...marketing, outsider])
      await request(service.url)
        .post(`/api/pool/shifts/${shift.id}/sign-ups`)
        .set(member.headers)
        .expect(201);

    const mine = (await request(service.url).get('/api/pool/department-bookings').set(manager).expect(200))
      .body as DepartmentBookingDto[];
    const onShift = mine.filter((booking) => booking.shiftId === shift.id);
    expect(onShift.map((booking) => [booking.member, booking.status, booking.position])).toEqual([
      [`Member ${marketing[0].email}`, 'confirmed', undefined],
      [`Member ${marketing[1].email}`, 'waitlisted', 1],
    ]);
    expect(onShift[0]).toMatchObject({
      department: 'Marketing',
      date: localDateIn(30),
      start: '10:00',
      end: '14:00',
      skill: 'phone',
    });
    expect(mine.every((booking) => booking.department === 'Marketing')).toBe(true);

    const all = (await request(service.url).get('/api/pool/department-bookings').set(admin).expect(200))
      .body as DepartmentBookingDto[];
    expect(
      all
        .filter((booking) => booking.shiftId === shift.id)
        .map((booking) => [booking.memberId, booking.position]),
    ).toEqual([
      // Soonest first, then by department name: "Dept elsewhere" before "Marketing".
      [outsider.id, 2],
      [marketing[0].id, undefined],
      [marketing[1].id, 1],
    ]);

    // A withdrawn sign-up leaves the list; a cancelled shift takes its bookings with it.
    await request(service.url)
      .delete(`/api/pool/shifts/${shift.id}/sign-ups/mine`)
      .set(marketing[1].headers)
      .expect(200);
    const after = (await request(service.url).get('/api/pool/department-bookings').set(manager).expect(200))
      .body as DepartmentBookingDto[];
    expect(
      after.filter((booking) => booking.shiftId === shift.id).map((booking) => booking.memberId),
    ).toEqual([marketing[0].id]);
    await request(service.url).post(`/api/pool/shifts/${shift.id}/cancel`).set(planner).expect(200);
    const cancelled = (
      await request(service.url).get('/api/pool/department-bookings').set(manager).expect(200)
    ).body as DepartmentBookingDto[];
    expect(cancelled.some((booking) => booking.shiftId === shift.id)).toBe(false);
  });
});
