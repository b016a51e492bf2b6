/* Recognition points on the real app and database (issue 14): attendance after a shift and the points
 * that follow, with every number derived by hand below; grants with a reason; a member's own points
 * and band (no colleague's name); the manager's department and the planner's peaks; the admin's
 * weights with a preview of last peak; the yearly continuity part, granted once. */
import request from 'supertest';

import type {
  AttendanceDto,
  MemberPointsDto,
  MyPointsDto,
  PeakPointsDto,
  PointsWeights,
  ShiftAttendanceDto,
  WeightsPreviewDto,
} from '@peakplan/contracts';

import { createPastShift } from '../support/past-shifts';
import { createPoolMembers, type PoolMemberFixture } from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const PEAK = 'Autumn 2026';

describe('recognition points', () => {
  let service: TestService;
  let planner: Record<string, string>;
  let manager: Record<string, string>;
  let admin: Record<string, string>;
  let ada: PoolMemberFixture; // Marketing: the demo manager's department
  let bob: PoolMemberFixture; // another department
  let saturdayShift: string;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    manager = await sessionHeaders(service, 'manager@peakplan.test');
    admin = await sessionHeaders(service, 'admin@peakplan.test');
    [ada] = await createPoolMembers(poolTarget(service), {
      prefix: 'points-ada',
      count: 1,
      department: 'Marketing',
    });
    [bob] = await createPoolMembers(poolTarget(service), { prefix: 'points-bob', count: 1 });
    // Saturday 10 October 2026, 10:00–14:00 in Amsterdam (UTC+2): 08:00Z–12:00Z; no event that day.
    saturdayShift = await createPastShift(service.dataSource, {
      startsAt: '2026-10-10T08:00:00Z',
      endsAt: '2026-10-10T12:00:00Z',
      memberIds: [ada.id, bob.id],
      peak: PEAK,
    });
  });
  afterAll(() => service?.stop());

  const mark = (headers: Record<string, string>, shiftId: string, memberId: string, body: object) =>
    request(service.url).put(`/api/pool/shifts/${shiftId}/attendance/${memberId}`).set(headers).send(body);

  it('turns a worked, rated Saturday shift into points with a reason for each line', async () => {
    // Made by hand (no plan): criticality 1. Saturday 10:00–14:00: weekend share 1, no evening, no event.
    // shift   = 10 points/h × 4 h × (1 + 1 × 1) × (1 + 0.5 × 1) = 10 × 4 × 2 × 1.5 = 120
    // quality = training current 5 + reliable 5 + 4 stars × 2 = 18
    const response = await mark(planner, saturdayShift, ada.id, { status: 'worked', rating: 4 }).expect(200);
    const attendance = response.body as AttendanceDto;
    expect(attendance.lines.map((line) => [line.kind, line.points])).toEqual([
      ['shift', 120],
      ['quality', 18],
    ]);
    expect(attendance.lines[0].reason).toContain('4 h × 10 × 2.00 (how critical) × 1.50 (weekend)');
    expect(attendance.lines[1].reason).toContain('rated 4/5 +8');
  });

  it('rewrites the same lines when marked again, never counting a shift twice', async () => {
    // Rated 5 now: quality 5 + 5 + 5 × 2 = 20; the shift part stays 120. Total 140, not 278.
    await mark(planner, saturdayShift, ada.id, { status: 'worked', rating: 5 }).expect(200);
    const mine = (await request(service.url).get('/api/pool/me/points').set(ada.headers).expect(200))
      .body as MyPointsDto;
    expect(mine.lines).toHaveLength(2);
    expect(mine.total).toBe(140);
    expect(mine.balance).toBe(140);
    expect(mine.peak).toBe(140);
    expect(mine.peakName).toBe(PEAK);
  });

  it('lets the member’s own manager mark, and nobody else’s manager; refuses bad marks by name', async () => {
    // Bob is not in Marketing: the demo manager may not see him.
    await mark(manager, saturdayShift, bob.id, { status: 'no-show' }).expect(404);
    await mark(manager, saturdayShift, ada.id, { status: 'worked', rating: 5 }).expect(200);
    const badRating = await mark(planner, saturdayShift, bob.id, { status: 'no-show', rating: 3 }).expect(
      400,
    );
    expect(JSON.stringify(badRating.body)).toContain('rating');
    const badStatus = await mark(planner, saturdayShift, bob.id, { status: 'late' }).expect(400);
    expect(JSON.stringify(badStatus.body)).toContain('status');
    await mark(ada.headers, saturdayShift, ada.id, { status: 'worked' }).expect(403);
    // A member who held no place on the shift.
    const [stranger] = await createPoolMembers(poolTarget(service), { prefix: 'points-stranger', count: 1 });
    await mark(planner, saturdayShift, stranger.id, { status: 'worked' }).expect(404);
  });

  it('lists the shift’s members with their marks, a manager only their own department’s', async () => {
    const all = (
      await request(service.url).get(`/api/pool/shifts/${saturdayShift}/attendance`).set(planner).expect(200)
    ).body as ShiftAttendanceDto[];
    expect(all.map((row) => [row.memberId, row.status, row.rating]).sort()).toEqual(
      [
        [ada.id, 'worked', 5],
        [bob.id, null, null],
      ].sort(),
    );
    const mine = (
      await request(service.url).get(`/api/pool/shifts/${saturdayShift}/attendance`).set(manager).expect(200)
    ).body as ShiftAttendanceDto[];
    expect(mine.map((row) => row.memberId)).toEqual([ada.id]);
  });

  it('refuses to mark a shift that has not ended', async () => {
    const future = await createPastShift(service.dataSource, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      memberIds: [ada.id],
    });
    const response = await mark(planner, future, ada.id, { status: 'worked' }).expect(409);
    expect(response.body.code).toBe('shift-not-ended');
  });

  it('gives a no-show nothing and costs the reliability part for the rest of the peak', async () => {
    await mark(planner, saturdayShift, bob.id, { status: 'no-show' }).expect(200);
    // Monday 12 October 2026, 19:00–21:00 Amsterdam (17:00Z–19:00Z), same peak: evening share 1.
    const evening = await createPastShift(service.dataSource, {
      startsAt: '2026-10-12T17:00:00Z',
      endsAt: '2026-10-12T19:00:00Z',
      memberIds: [bob.id],
      peak: PEAK,
    });
    // shift   = 10 × 2 h × (1 + 1) × (1 + 0.5 × 1) = 60
    // quality = training current 5 + (not reliable: the no-show on 10 October) 0 = 5
    const attendance = (await mark(planner, evening, bob.id, { status: 'worked' }).expect(200))
      .body as AttendanceDto;
    expect(attendance.lines.map((line) => line.points)).toEqual([60, 5]);
    const mine = (await request(service.url).get('/api/pool/me/points').set(bob.headers).expect(200))
      .body as MyPointsDto;
    expect(mine.total).toBe(65);
    expect(mine.lines.find((line) => line.reason.startsWith('No-show'))?.points).toBe(0);
  });

  it('grants ad-hoc points with a reason, planners only, and refuses bad grants by field', async () => {
    const grant = await request(service.url)
      .post('/api/pool/points/grants')
      .set(planner)
      .send({ memberId: bob.id, points: 25, reason: 'Year-end push: extra evenings', peak: PEAK })
      .expect(201);
    expect(grant.body).toMatchObject({ memberId: bob.id, points: 25, kind: 'grant' });
    expect(grant.body.reason).toContain('Year-end push');
    for (const [body, field] of [
      [{ memberId: bob.id, points: 0, reason: 'nothing' }, 'points'],
      [{ memberId: bob.id, points: 10 }, 'reason'],
      [{ memberId: 'not-a-uuid', points: 10, reason: 'why not' }, 'memberId'],
    ] as const) {
      const refused = await request(service.url)
        .post('/api/pool/points/grants')
        .set(planner)
        .send(body)
        .expect(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    await request(service.url)
      .post('/api/pool/points/grants')
      .set(bob.headers)
      .send({ memberId: bob.id, points: 1000, reason: 'for me' })
      .expect(403);
    const mine = (await request(service.url).get('/api/pool/me/points').set(bob.headers).expect(200))
      .body as MyPointsDto;
    // 60 + 5 + 25 = 90
    expect(mine.total).toBe(90);
    expect(mine.lines[0].reason).toContain('Year-end push');
  });

  it("shows a member their band but never a colleague's name", async () => {
    const mine = (await request(service.url).get('/api/pool/me/points').set(bob.headers).expect(200))
      .body as MyPointsDto;
    // Ada earned more in 2026 than Bob; the band says where Bob stands without naming her.
    expect(mine.band).toMatch(/^(top-10|top-25|top-50|rest)$/);
    expect(mine.bandText).toBeTruthy();
    expect(JSON.stringify(mine)).not.toContain(ada.email);
    expect(JSON.stringify(mine)).not.toContain('Member points-ada');
  });

  it("shows a manager their department's members and totals, and planners the totals per peak", async () => {
    const managerView = (
      await request(service.url)
        .get('/api/pool/points/members')
        .query({ year: 2026, peak: PEAK })
        .set(manager)
        .expect(200)
    ).body as MemberPointsDto[];
    expect(managerView.some((row) => row.memberId === bob.id)).toBe(false);
    expect(managerView.find((row) => row.memberId === ada.id)).toMatchObject({
      year: 140,
      peak: 140,
      balance: 140,
    });
    const plannerView = (await request(service.url).get('/api/pool/points/members').set(planner).expect(200))
      .body as MemberPointsDto[];
    expect(plannerView.find((row) => row.memberId === bob.id)).toMatchObject({ year: 90, peak: null });
    const peaks = (await request(service.url).get('/api/pool/points/peaks').set(planner).expect(200))
      .body as PeakPointsDto[];
    // Ada 120 + 20, Bob 0 + 0 (no-show) + 60 + 5 + 25 granted.
    expect(peaks.find((row) => row.peak === PEAK)).toEqual({
      peak: PEAK,
      members: 2,
      shift: 180,
      quality: 25,
      grant: 25,
      total: 230,
    });
    await request(service.url).get('/api/pool/points/peaks').set(manager).expect(403);
  });

  it("previews what new weights would have made of last peak's points before the admin saves them", async () => {
    const current = (await request(service.url).get('/api/pool/points/weights').set(admin).expect(200))
      .body as PointsWeights;
    const proposed = { ...current, pointsPerHour: 20, ratingPerStar: 0 };
    const preview = (
      await request(service.url)
        .post('/api/pool/points/weights/preview')
        .set(admin)
        .send(proposed)
        .expect(200)
    ).body as WeightsPreviewDto;
    // Ada: shift 20 × 4 × 2 × 1.5 = 240, quality 5 + 5 + 0 = 10 → 250 (now 140).
    // Bob: no-show 0 + 0; evening 20 × 2 × 2 × 1.5 = 120, quality 5 → 125 (now 65; grants are not recomputed).
    expect(preview.peak).toBe(PEAK);
    expect(preview.members.find((member) => member.memberId === ada.id)).toMatchObject({
      current: 140,
      preview: 250,
    });
    expect(preview.members.find((member) => member.memberId === bob.id)).toMatchObject({
      current: 65,
      preview: 125,
    });
    expect(preview.currentTotal).toBe(205);
    expect(preview.previewTotal).toBe(375);
    // Previewing saved nothing.
    expect((await request(service.url).get('/api/pool/points/weights').set(admin).expect(200)).body).toEqual(
      current,
    );
    const refused = await request(service.url)
      .put('/api/pool/points/weights')
      .set(admin)
      .send({ ...proposed, evening: -1 })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('evening');
    await request(service.url).put('/api/pool/points/weights').set(planner).send(proposed).expect(403);
    const saved = (
      await request(service.url).put('/api/pool/points/weights').set(admin).send(proposed).expect(200)
    ).body as PointsWeights;
    expect(saved.pointsPerHour).toBe(20);
    await request(service.url).put('/api/pool/points/weights').set(admin).send(current).expect(200);
  });

  it("gives the demo's members a points history and the demo a small rewards catalogue", async () => {
    // Demo "today" 2026-03-01: the last Christmas is 2025. member003 worked 1 + (3 / 3) % 3 = 2 shifts.
    const demoMember = await sessionHeaders(service, 'member003@peakplan.test');
    const mine = (await request(service.url).get('/api/pool/me/points').set(demoMember).expect(200))
      .body as MyPointsDto;
    expect(mine.peakName).toBe('Christmas 2025');
    expect(mine.lines.map((line) => line.kind).sort()).toEqual(['quality', 'quality', 'shift', 'shift']);
    expect(mine.total).toBe(mine.lines.reduce((sum, line) => sum + line.points, 0));
    const rewards = (await request(service.url).get('/api/pool/rewards').set(demoMember).expect(200))
      .body as {
      name: string;
    }[];
    expect(rewards.map((reward) => reward.name)).toEqual([
      'PeakPlan mug',
      'Cinema tickets for two',
      'Gift voucher €25',
      'Team activity: escape room',
    ]);
  });

  it('grants the yearly continuity part once, to members who kept the pool warm outside the peaks', async () => {
    const [warm, cold] = await createPoolMembers(poolTarget(service), { prefix: 'points-year', count: 2 });
    await service.dataSource.query(
      `update pool_member set joined_at = '2024-06-01' where user_id = any($1)`,
      [[warm.id, cold.id]],
    );
    // A shift outside any peak in 2025 for the warm member only; the cold one only worked a peak shift.
    await createPastShift(service.dataSource, {
      startsAt: '2025-06-03T07:00:00Z',
      endsAt: '2025-06-03T11:00:00Z',
      memberIds: [warm.id],
    });
    await createPastShift(service.dataSource, {
      startsAt: '2025-12-20T07:00:00Z',
      endsAt: '2025-12-20T11:00:00Z',
      memberIds: [cold.id],
      peak: 'Christmas 2025',
    });
    const first = await request(service.url)
      .post('/api/pool/points/continuity')
      .set(admin)
      .send({ year: 2025 })
      .expect(200);
    expect(first.body).toEqual({ year: 2025, granted: 1 });
    const again = await request(service.url)
      .post('/api/pool/points/continuity')
      .set(admin)
      .send({ year: 2025 })
      .expect(200);
    expect(again.body).toEqual({ year: 2025, granted: 0 });
    const warmPoints = (await request(service.url).get('/api/pool/me/points').set(warm.headers).expect(200))
      .body as MyPointsDto;
    expect(warmPoints.lines.map((line) => [line.kind, line.points])).toEqual([['continuity', 50]]);
    const thisYear = new Date().getUTCFullYear();
    const notEnded = await request(service.url)
      .post('/api/pool/points/continuity')
      .set(admin)
      .send({ year: thisYear })
      .expect(400);
    expect(JSON.stringify(notEnded.body)).toContain('year');
  });
});
