/* Pool memberships on the real app and database: the demo pool, the member's state in words, the
 * manager's applicants and decisions (ids all reachable from answers), leave and rejoin, availability,
 * training records and department caps. */
import request from 'supertest';

import type { AuditEventDto, DepartmentCapDto, PersonDto, PoolMemberDto } from '@peakplan/contracts';

import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('pool members', () => {
  let service: TestService;
  let manager: Record<string, string>;
  let planner: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    // Demo "today" 2026-03-01: training dates are set around it (see backend/src/demo/demo-pool.ts).
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    manager = await sessionHeaders(service, 'manager@peakplan.test');
    planner = await sessionHeaders(service, 'planner@peakplan.test');
    admin = await sessionHeaders(service, 'admin@peakplan.test');
  });
  afterAll(() => service?.stop());

  it('loads a demo pool with real work in it: mostly approved and phone-trained, some pending, a few expired', async () => {
    const members = (await request(service.url).get('/api/pool/members').set(planner).expect(200))
      .body as PoolMemberDto[];
    expect(members).toHaveLength(200);
    const count = (test: (member: PoolMemberDto) => boolean) => members.filter(test).length;
    // demo-pool.ts: pending when n % 10 == 0 (20 of 200); phone unless n % 12 == 5 (17 without);
    // phone expired when n % 40 == 3 (3, 43, 83, 123, 163); chat unless n % 3 == 0 (66 without); email when even.
    expect(count((member) => member.state === 'pending')).toBe(20);
    expect(count((member) => member.state === 'approved')).toBe(180);
    expect(count((member) => member.skills.some((skill) => skill.skill === 'phone'))).toBe(183);
    expect(count((member) => member.skills.some((skill) => skill.skill === 'phone' && !skill.current))).toBe(
      5,
    );
    expect(count((member) => member.skills.some((skill) => skill.skill === 'chat'))).toBe(134);
    expect(count((member) => member.skills.some((skill) => skill.skill === 'email'))).toBe(100);
    expect(new Set(members.map((member) => JSON.stringify(member.weeklyAvailability))).size).toBe(5);
  });

  it("tells a member their state in words, including expired training and their manager's approval", async () => {
    // member003: phone expired on 2026-03-01 - (10 + 3 % 50) days = 2026-02-16, so "16 February" this year.
    const expired = await sessionHeaders(service, 'member003@peakplan.test');
    const me = (await request(service.url).get('/api/pool/me').set(expired).expect(200))
      .body as PoolMemberDto;
    expect(me.state).toBe('approved');
    expect(me.stateText).toContain('Approved by your manager.');
    expect(me.stateText).toContain('Your phone training expired on 16 February.');
    const pending = await sessionHeaders(service, 'member010@peakplan.test');
    const waiting = (await request(service.url).get('/api/pool/me').set(pending).expect(200))
      .body as PoolMemberDto;
    expect(waiting.state).toBe('pending');
    expect(waiting.stateText[0]).toBe("Waiting for your manager's approval.");
  });

  it("lets a manager list and decide their own department's applicants, with every id in the answers", async () => {
    const applicants = (await request(service.url).get('/api/pool/applicants').set(manager).expect(200))
      .body as PoolMemberDto[];
    // Marketing is DEMO_DEPARTMENTS[n % 8 == 0]; pending when n % 10 == 0: n = 40, 80, 120, 160, 200.
    expect(applicants.map((member) => member.email)).toEqual(
      expect.arrayContaining([
        'member040@peakplan.test',
        'member080@peakplan.test',
        'member120@peakplan.test',
        'member160@peakplan.test',
        'member200@peakplan.test',
      ]),
    );
    expect(applicants).toHaveLength(5);
    expect(new Set(applicants.map((member) => member.department))).toEqual(new Set(['Marketing']));
    const chosen = applicants[0];
    const decided = (
      await request(service.url)
        .post(`/api/pool/applicants/${chosen.memberId}/decision`)
        .set(manager)
        .send({ decision: 'approved' })
        .expect(200)
    ).body as PoolMemberDto;
    expect(decided.state).toBe('approved');
    // The older department route works with the departmentId every answer now carries.
    const person = (await request(service.url).get(`/api/people/${chosen.memberId}`).set(manager).expect(200))
      .body as PersonDto;
    expect(person.departmentId).toBe(chosen.departmentId);
    // Another department's applicant: 404, and nothing changes.
    const all = (await request(service.url).get('/api/pool/members?state=pending').set(planner).expect(200))
      .body as PoolMemberDto[];
    const elsewhere = all.find((member) => member.department !== 'Marketing')!;
    await request(service.url)
      .post(`/api/pool/applicants/${elsewhere.memberId}/decision`)
      .set(manager)
      .send({ decision: 'refused' })
      .expect(404);
    const [{ pool_approval }] = await service.dataSource.query(
      `select pool_approval from app_user where id = $1`,
      [elsewhere.memberId],
    );
    expect(pool_approval).toBe('pending');
    await request(service.url)
      .post(`/api/pool/applicants/${chosen.memberId}/decision`)
      .set(manager)
      .send({ decision: 'maybe' })
      .expect(400);
    const audit = (
      await request(service.url)
        .get(`/api/audit?entityType=account&entityId=${chosen.memberId}`)
        .set(manager)
        .expect(200)
    ).body as AuditEventDto[];
    expect(audit[0]).toMatchObject({ action: 'pool-member.approved', actorEmail: 'manager@peakplan.test' });
  });

  it('lets a member leave and rejoin; rejoining asks the manager again', async () => {
    const member = await sessionHeaders(service, 'member011@peakplan.test');
    const left = (await request(service.url).post('/api/pool/me/leave').set(member).expect(200))
      .body as PoolMemberDto;
    expect(left.state).toBe('left');
    expect(left.stateText[0]).toMatch(
      /^You left the pool on \d+ \w+ \d{4}; join again to sign up\.$|^You left the pool on \d+ \w+; join again to sign up\.$/,
    );
    const back = (await request(service.url).post('/api/pool/me/join').set(member).expect(200))
      .body as PoolMemberDto;
    expect(back.state).toBe('pending');
    expect(back.stateText[0]).toBe("Waiting for your manager's approval.");
  });

  it('keeps availability, dates off and hours caps, and refuses a window that ends before it starts', async () => {
    const member = await sessionHeaders(service, 'member012@peakplan.test');
    const updated = (
      await request(service.url)
        .put('/api/pool/me/availability')
        .set(member)
        .send({
          weeklyAvailability: [{ weekday: 6, from: '08:00', to: '20:00' }],
          datesOff: ['2027-02-14'],
          maxHoursPerWeek: 12,
          maxHoursPerPeak: null,
        })
        .expect(200)
    ).body as PoolMemberDto;
    expect(updated).toMatchObject({
      weeklyAvailability: [{ weekday: 6, from: '08:00', to: '20:00' }],
      datesOff: ['2027-02-14'],
      maxHoursPerWeek: 12,
      maxHoursPerPeak: null,
    });
    const bad = await request(service.url)
      .put('/api/pool/me/availability')
      .set(member)
      .send({ weeklyAvailability: [{ weekday: 8, from: '20:00', to: '08:00' }] })
      .expect(400);
    expect(bad.body.details[0].field).toBe('weeklyAvailability.0.weekday');
  });

  it('lets planners record training; a member cannot', async () => {
    const [{ id }] = await service.dataSource.query(
      `select id from app_user where email = 'member013@peakplan.test'`,
    );
    const trained = (
      await request(service.url)
        .put(`/api/pool/members/${id}/skills`)
        .set(planner)
        .send({ skills: [{ skill: 'chat', trainedOn: '2026-01-05', expiresOn: '2026-02-01' }] })
        .expect(200)
    ).body as PoolMemberDto;
    expect(trained.skills).toEqual([
      { skill: 'chat', trainedOn: '2026-01-05', expiresOn: '2026-02-01', current: false },
    ]);
    await request(service.url)
      .put(`/api/pool/members/${id}/skills`)
      .set(planner)
      .send({ skills: [{ skill: 'fax' }] })
      .expect(400);
    const member = await sessionHeaders(service, 'member013@peakplan.test');
    await request(service.url)
      .put(`/api/pool/members/${id}/skills`)
      .set(member)
      .send({ skills: [] })
      .expect(403);
  });

  it('lets a manager cap their own department and an admin any; a share is rounded down', async () => {
    const own = (await request(service.url).get('/api/pool/department-caps').set(manager).expect(200))
      .body as DepartmentCapDto[];
    expect(own.map((cap) => cap.department)).toEqual(['Marketing']);
    // Marketing: the manager plus members n % 8 == 0 (25 of 200) = 26 active people; 0.1 x 26 = 2.6 -> 2.
    const capped = (
      await request(service.url)
        .put(`/api/pool/department-caps/${own[0].departmentId}`)
        .set(manager)
        .send({ maxShare: 0.1 })
        .expect(200)
    ).body as DepartmentCapDto;
    expect(capped).toMatchObject({ people: 26, maxShare: 0.1, maxPeople: null, effectiveMax: 2 });
    const all = (await request(service.url).get('/api/pool/department-caps').set(admin).expect(200))
      .body as DepartmentCapDto[];
    const finance = all.find((cap) => cap.department === 'Finance')!;
    await request(service.url)
      .put(`/api/pool/department-caps/${finance.departmentId}`)
      .set(manager)
      .send({ maxPeople: 1 })
      .expect(404);
    await request(service.url)
      .put(`/api/pool/department-caps/${finance.departmentId}`)
      .set(admin)
      .send({ maxPeople: 3, maxShare: 0.5 })
      .expect(400);
    const set = (
      await request(service.url)
        .put(`/api/pool/department-caps/${finance.departmentId}`)
        .set(admin)
        .send({ maxPeople: 3 })
        .expect(200)
    ).body as DepartmentCapDto;
    expect(set.effectiveMax).toBe(3);
  });
});
