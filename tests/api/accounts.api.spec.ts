import request from 'supertest';

import type { AccountDto, AccountImportResult, AuditEventDto, PersonDto } from '@peakplan/contracts';

import { DEMO_PASSWORD, signIn, type SignedIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('accounts, scoping and audit on the real app and database', () => {
  let service: TestService;
  let admin: SignedIn;
  let manager: SignedIn;

  const idOf = async (email: string): Promise<string> =>
    (await service.dataSource.query(`select id from app_user where email = $1`, [email]))[0].id;
  const departmentId = async (name: string): Promise<string> =>
    (await service.dataSource.query(`select id from department where name = $1`, [name]))[0].id;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    admin = await signIn(service.url, 'admin@peakplan.test');
    manager = await signIn(service.url, 'manager@peakplan.test');
  });
  afterAll(() => service?.stop());

  it('creates an account; one without a password cannot sign in until an admin resets it', async () => {
    const created = await request(service.url)
      .post('/api/accounts')
      .set(admin.bearer)
      .send({
        email: 'Nina.Nieuw@peakplan.test',
        name: 'Nina Nieuw',
        roles: ['pool-member', 'planner'],
        department: 'Finance',
      })
      .expect(201);
    expect(created.body as AccountDto).toMatchObject({
      email: 'nina.nieuw@peakplan.test',
      roles: ['planner', 'pool-member'],
      department: 'Finance',
      active: true,
      hasPassword: false,
    });
    await request(service.url)
      .post('/api/accounts')
      .set(admin.bearer)
      .send({ email: 'nina.nieuw@peakplan.test', name: 'x', roles: ['planner'] })
      .expect(409);
    await request(service.url)
      .post('/api/accounts')
      .set(admin.bearer)
      .send({ email: 'bad', name: '', roles: ['king'] })
      .expect(400);
    await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'nina.nieuw@peakplan.test', password: '' })
      .expect(401);

    const reset = await request(service.url)
      .post(`/api/accounts/${created.body.id}/password-reset`)
      .set(admin.bearer)
      .expect(200);
    expect(reset.body.temporaryPassword).toHaveLength(16);
    const nina = await signIn(service.url, 'nina.nieuw@peakplan.test', reset.body.temporaryPassword);
    expect(nina.user.roles).toEqual(['planner', 'pool-member']);
    const [{ password_hash }] = await service.dataSource.query(
      `select password_hash from app_user where id = $1`,
      [created.body.id],
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('creates one account when two admins race for the same email: 201 and 409, never 500', async () => {
    const body = { email: 'race@peakplan.test', name: 'Rachel Race', roles: ['pool-member'] };
    const statuses = await Promise.all(
      [0, 1, 2].map(
        async () => (await request(service.url).post('/api/accounts').set(admin.bearer).send(body)).status,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });

  it('deactivates an account: its sessions end at once and it cannot sign in', async () => {
    const member = await signIn(service.url, 'member050@peakplan.test');
    const id = await idOf('member050@peakplan.test');
    const deactivated = await request(service.url)
      .post(`/api/accounts/${id}/deactivate`)
      .set(admin.bearer)
      .expect(200);
    expect(deactivated.body.active).toBe(false);
    await request(service.url).get('/api/auth/me').set(member.bearer).expect(401);
    await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'member050@peakplan.test', password: DEMO_PASSWORD })
      .expect(401);
    await request(service.url)
      .post(`/api/accounts/${admin.user.id}/deactivate`)
      .set(admin.bearer)
      .expect(400);
    await request(service.url).post(`/api/accounts/${id}/activate`).set(admin.bearer).expect(200);
    await signIn(service.url, 'member050@peakplan.test');
  });

  it('imports accounts from CSV: all or nothing with row-numbered errors, and idempotent', async () => {
    const bad = [
      'name,email,department,roles',
      'Olga Import,olga@peakplan.test,Logistics,pool-member',
      'Piet,not-an-email,Logistics,wizard',
    ].join('\n');
    const refused = await request(service.url)
      .post('/api/accounts/import')
      .set(admin.bearer)
      .set('Content-Type', 'text/csv')
      .send(bad)
      .expect(400);
    expect(refused.body.details).toEqual([
      { row: 3, field: 'email', reason: '"not-an-email" is not an email address' },
      { row: 3, field: 'roles', reason: '"wizard" is not a role; use admin, planner, manager, pool-member' },
    ]);
    expect(
      await service.dataSource.query(`select 1 from app_user where email = 'olga@peakplan.test'`),
    ).toEqual([]);

    const good = [
      'name,email,department,roles',
      'Olga Import,olga@peakplan.test,Logistics,pool-member',
      'Quinten Import,quinten@peakplan.test,Night Shift,manager;pool-member',
      'Marieke Manager,manager@peakplan.test,Marketing,manager',
    ].join('\n');
    const first = (
      await request(service.url)
        .post('/api/accounts/import?apply=true')
        .set(admin.bearer)
        .set('Content-Type', 'text/csv')
        .send(good)
        .expect(200)
    ).body as AccountImportResult;
    expect(first).toMatchObject({
      applied: true,
      created: 2,
      updated: 0,
      unchanged: 1,
      departmentsCreated: ['Night Shift'],
    });
    const again = (
      await request(service.url)
        .post('/api/accounts/import?apply=true')
        .set(admin.bearer)
        .set('Content-Type', 'text/csv')
        .send(good)
        .expect(200)
    ).body as AccountImportResult;
    expect(again).toMatchObject({
      applied: true,
      created: 0,
      updated: 0,
      unchanged: 3,
      departmentsCreated: [],
    });
    // Imported accounts have no password: no default password outside demo mode.
    const [{ password_hash }] = await service.dataSource.query(
      `select password_hash from app_user where email = 'olga@peakplan.test'`,
    );
    expect(password_hash).toBeNull();
    await request(service.url).post('/api/accounts/import').set(admin.bearer).send({ csv: good }).expect(415);
  });

  it('previews an import per row, changes existing roles only when asked, and never takes the admin role from the importer (issue 11 point 2)', async () => {
    const csv = [
      'name,email,department,roles',
      'Rosa Preview,rosa@peakplan.test,Finance,pool-member',
      'Pieter Planner,planner@peakplan.test,Customer Service,pool-member',
      'Marieke Renamed,manager@peakplan.test,Marketing,manager',
    ].join('\n');
    const upload = (query: string, text = csv) =>
      request(service.url)
        .post(`/api/accounts/import${query}`)
        .set(admin.bearer)
        .set('Content-Type', 'text/csv')
        .send(text);
    const snapshot = () =>
      service.dataSource.query(`select email, name, roles from app_user order by email`) as Promise<
        unknown[]
      >;
    const before = await snapshot();
    const preview = (await upload('').expect(200)).body as AccountImportResult;
    expect(preview).toEqual({
      applied: false,
      created: 1,
      updated: 1,
      unchanged: 1,
      departmentsCreated: [],
      rows: [
        { row: 2, email: 'rosa@peakplan.test', action: 'create', changes: [], rolesKept: false },
        // The file says pool-member; the planner keeps the planner role unless changeRoles=true.
        { row: 3, email: 'planner@peakplan.test', action: 'unchanged', changes: [], rolesKept: true },
        { row: 4, email: 'manager@peakplan.test', action: 'change', changes: ['name'], rolesKept: false },
      ],
    });
    expect(await snapshot()).toEqual(before);

    const withRoles = (await upload('?changeRoles=true').expect(200)).body as AccountImportResult;
    expect(withRoles.rows[1]).toEqual({
      row: 3,
      email: 'planner@peakplan.test',
      action: 'change',
      changes: ['roles'],
      rolesKept: false,
    });
    expect(await snapshot()).toEqual(before);

    const applied = (await upload('?apply=true').expect(200)).body as AccountImportResult;
    expect(applied).toMatchObject({ applied: true, created: 1, updated: 1, unchanged: 1 });
    const [planner] = await service.dataSource.query(
      `select roles from app_user where email = 'planner@peakplan.test'`,
    );
    expect(planner.roles).toEqual(['planner']);

    // The importing admin's own row without the admin role: refused, in a preview and on apply.
    const selfDemotion = ['name,email,department,roles', `Admin,${admin.user.email},,planner`].join('\n');
    const afterApply = await snapshot();
    for (const query of ['?changeRoles=true', '?changeRoles=true&apply=true']) {
      const refused = await upload(query, selfDemotion).expect(400);
      expect(refused.body.details).toEqual([
        { row: 2, field: 'roles', reason: 'would take the admin role from the importing admin' },
      ]);
    }
    expect(await snapshot()).toEqual(afterApply);
    // Without changeRoles the admin keeps the role and the row is only reported.
    const kept = (await upload('?apply=true', selfDemotion).expect(200)).body as AccountImportResult;
    expect(kept.rows[0]).toMatchObject({ rolesKept: true });
    const [self] = await service.dataSource.query(`select roles from app_user where id = $1`, [
      admin.user.id,
    ]);
    expect(self.roles).toContain('admin');
  });

  it('lets a pool member see only their own profile: another member by id is 404, not 403', async () => {
    const member = await signIn(service.url, 'member001@peakplan.test');
    const other = await idOf('member002@peakplan.test');
    const own = await request(service.url)
      .get(`/api/people/${member.user.id}`)
      .set(member.bearer)
      .expect(200);
    expect((own.body as PersonDto).email).toBe('member001@peakplan.test');
    const refused = await request(service.url).get(`/api/people/${other}`).set(member.bearer).expect(404);
    expect(refused.body.message).toBe(`person ${other} does not exist`);
    // The same answer as for an id that does not exist at all: nothing to learn from it.
    await request(service.url)
      .get('/api/people/6f1f2f8e-0000-4000-8000-000000000000')
      .set(member.bearer)
      .expect(404);
    const planner = await signIn(service.url, 'planner@peakplan.test');
    await request(service.url).get(`/api/people/${other}`).set(planner.bearer).expect(200);
  });

  it('lets a manager approve pool members of their own department only (404 elsewhere), with an audit record', async () => {
    const marketing = await departmentId('Marketing');
    const finance = await departmentId('Finance');
    const members = (
      await request(service.url).get(`/api/departments/${marketing}/members`).set(manager.bearer).expect(200)
    ).body as PersonDto[];
    const ownMember = members.find(
      (person) => person.roles.includes('pool-member') && person.poolApproval === 'pending',
    )!;
    expect(members.every((person) => person.department === 'Marketing')).toBe(true);
    await request(service.url).get(`/api/departments/${finance}/members`).set(manager.bearer).expect(404);

    const approved = await request(service.url)
      .post(`/api/departments/${marketing}/members/${ownMember.id}/approval`)
      .set(manager.bearer)
      .send({ decision: 'approved' })
      .expect(200);
    expect((approved.body as PersonDto).poolApproval).toBe('approved');

    const [financeMember] = await service.dataSource.query(
      `select u.id from app_user u join department d on d.id = u.department_id where d.name = 'Finance' and 'pool-member' = any(u.roles) and u.pool_approval = 'pending' limit 1`,
    );
    // Outside the manager's department: 404 whether the department in the path is theirs or not.
    await request(service.url)
      .post(`/api/departments/${finance}/members/${financeMember.id}/approval`)
      .set(manager.bearer)
      .send({ decision: 'approved' })
      .expect(404);
    await request(service.url)
      .post(`/api/departments/${marketing}/members/${financeMember.id}/approval`)
      .set(manager.bearer)
      .send({ decision: 'approved' })
      .expect(404);
    const [{ pool_approval }] = await service.dataSource.query(
      `select pool_approval from app_user where id = $1`,
      [financeMember.id],
    );
    expect(pool_approval).toBe('pending');
    // A planner is not a manager: refused by role.
    const planner = await signIn(service.url, 'planner@peakplan.test');
    await request(service.url)
      .post(`/api/departments/${marketing}/members/${ownMember.id}/approval`)
      .set(planner.bearer)
      .send({ decision: 'refused' })
      .expect(403);

    const audit = (
      await request(service.url)
        .get(`/api/audit?entityType=account&entityId=${ownMember.id}`)
        .set(manager.bearer)
        .expect(200)
    ).body as AuditEventDto[];
    expect(audit[0]).toMatchObject({
      actorEmail: 'manager@peakplan.test',
      action: 'pool-member.approved',
      before: { poolApproval: 'pending' },
      after: { poolApproval: 'approved', departmentId: marketing },
    });
  });

  it('keeps an audit trail of account changes, newest first, without secrets', async () => {
    const events = (await request(service.url).get('/api/audit?limit=200').set(admin.bearer).expect(200))
      .body as AuditEventDto[];
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.created',
        'account.deactivated',
        'account.activated',
        'account.password-reset',
      ]),
    );
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort().reverse());
    expect(JSON.stringify(events)).not.toMatch(/argon2|password_hash|temporaryPassword/);
  });
});
