import request from 'supertest';

import type { AuditEventDto, MeResponse } from '@peakplan/contracts';
import { ACCESS_MESSAGES } from '@peakplan/backend/auth/access.guard';
import { SIGN_IN_FAILED } from '@peakplan/backend/auth/auth.controller';
import { LOCKOUT_POLICY, SIGN_IN_RATE_LIMITS } from '@peakplan/backend/auth/session-policy';

import { DEMO_PASSWORD, signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('sign-in, sessions and CSRF on the real app and database', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
  });
  afterAll(() => service?.stop());

  it('signs in with a session cookie (httpOnly, SameSite=Lax), a readable XSRF-TOKEN and a bearer token', async () => {
    const response = await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'Planner@PeakPlan.test', password: DEMO_PASSWORD })
      .expect(200);
    const cookies = ([] as string[]).concat(response.headers['set-cookie']);
    const session = cookies.find((cookie) => cookie.startsWith('peakplan_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const csrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(response.body.user).toEqual({
      id: expect.any(String),
      email: 'planner@peakplan.test',
      name: 'Pieter Planner',
      roles: ['planner'],
      department: 'Customer Service',
    });
    // Only an HMAC of the token is stored.
    const rows = await service.dataSource.query(`select token_hash from user_session`);
    expect(rows.map((row: { token_hash: string }) => row.token_hash)).not.toContain(response.body.token);
    const me = await request(service.url)
      .get('/api/auth/me')
      .set('Cookie', session.split(';')[0])
      .expect(200);
    expect((me.body as MeResponse).email).toBe('planner@peakplan.test');
    // A browser that lost its XSRF-TOKEN cookie gets it back from /me.
    expect(String(me.headers['set-cookie'])).toContain(csrf.split(';')[0]);
    await request(service.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${response.body.token}`)
      .expect(200);
  });

  it('answers a wrong password and an unknown email with the same generic 401', async () => {
    const wrong = await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'manager@peakplan.test', password: 'not-the-password' })
      .expect(401);
    const unknown = await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'nobody@peakplan.test', password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: SIGN_IN_FAILED,
      details: [],
    });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'manager@peakplan.test', password: DEMO_PASSWORD })
      .expect(200);
  });

  it(`locks an account after ${LOCKOUT_POLICY.maxFailedAttempts} wrong passwords, even against the right one, and audits it`, async () => {
    const email = 'member010@peakplan.test';
    for (let attempt = 0; attempt < LOCKOUT_POLICY.maxFailedAttempts; attempt++) {
      await request(service.url)
        .post('/api/auth/login')
        .send({ email, password: 'guess-' + attempt })
        .expect(401);
    }
    const locked = await request(service.url)
      .post('/api/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(401);
    expect(locked.body.message).toBe(SIGN_IN_FAILED);
    const [row] = await service.dataSource.query(`select locked_until from app_user where email = $1`, [
      email,
    ]);
    const lockedForMs = new Date(row.locked_until).getTime() - Date.now();
    expect(lockedForMs).toBeGreaterThan(LOCKOUT_POLICY.lockMs - 60_000);
    expect(lockedForMs).toBeLessThanOrEqual(LOCKOUT_POLICY.lockMs);

    const admin = await signIn(service.url, 'admin@peakplan.test');
    const audit = (
      await request(service.url).get('/api/audit?action=account.locked').set(admin.bearer).expect(200)
    ).body as AuditEventDto[];
    expect(audit[0]).toMatchObject({ action: 'account.locked', actorId: null, after: { email } });

    // When the lock has passed, the right password works again.
    await service.dataSource.query(
      `update app_user set locked_until = now() - interval '1 second' where email = $1`,
      [email],
    );
    await request(service.url).post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
  });

  it('refuses an expired session and an idle one with 401', async () => {
    const expired = await signIn(service.url, 'member020@peakplan.test');
    await request(service.url).get('/api/auth/me').set(expired.bearer).expect(200);
    await service.dataSource.query(
      `update user_session set expires_at = now() - interval '1 second' where user_id = $1`,
      [expired.user.id],
    );
    const refused = await request(service.url).get('/api/auth/me').set(expired.bearer).expect(401);
    expect(refused.body.message).toBe(ACCESS_MESSAGES.signInNeeded);

    const idle = await signIn(service.url, 'member021@peakplan.test');
    await service.dataSource.query(
      `update user_session set last_seen_at = now() - interval '3 hours' where user_id = $1`,
      [idle.user.id],
    );
    await request(service.url).get('/api/auth/me').set('Cookie', idle.cookie).expect(401);
  });

  it('refuses a cookie-authenticated change without the matching X-XSRF-TOKEN; bearer requests need none', async () => {
    const admin = await signIn(service.url, 'admin@peakplan.test');
    const body = { email: 'csrf-test@peakplan.test', name: 'Cees Csrf', roles: ['pool-member'] };
    const missing = await request(service.url)
      .post('/api/accounts')
      .set('Cookie', admin.cookie)
      .send(body)
      .expect(403);
    expect(missing.body.message).toBe(ACCESS_MESSAGES.csrf);
    const other = await signIn(service.url, 'planner@peakplan.test');
    await request(service.url)
      .post('/api/accounts')
      .set('Cookie', admin.cookie)
      .set('X-XSRF-TOKEN', other.csrfToken)
      .send(body)
      .expect(403);
    const [{ count }] = await service.dataSource.query(
      `select count(*)::int as count from app_user where email = 'csrf-test@peakplan.test'`,
    );
    expect(count).toBe(0);
    // Reading needs no CSRF token; the right token lets the change through.
    await request(service.url).get('/api/accounts').set('Cookie', admin.cookie).expect(200);
    await request(service.url)
      .post('/api/accounts')
      .set('Cookie', admin.cookie)
      .set('X-XSRF-TOKEN', admin.csrfToken)
      .send(body)
      .expect(201);
    await request(service.url)
      .post('/api/accounts')
      .set(admin.bearer)
      .send({ ...body, email: 'csrf-test-2@peakplan.test' })
      .expect(201);
  });

  it('replaces the previous session of the browser on a new sign-in', async () => {
    const before = await signIn(service.url, 'member031@peakplan.test');
    const again = await request(service.url)
      .post('/api/auth/login')
      .set('Cookie', before.cookie)
      .send({ email: 'member031@peakplan.test', password: DEMO_PASSWORD })
      .expect(200);
    await request(service.url).get('/api/auth/me').set(before.bearer).expect(401);
    await request(service.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${again.body.token}`)
      .expect(200);
  });

  it('signs out: the session stops working and the cookies are cleared', async () => {
    const member = await signIn(service.url, 'member030@peakplan.test');
    await request(service.url).post('/api/auth/logout').set('Cookie', member.cookie).expect(403);
    const out = await request(service.url)
      .post('/api/auth/logout')
      .set('Cookie', member.cookie)
      .set('X-XSRF-TOKEN', member.csrfToken)
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/peakplan_session=;/);
    await request(service.url).get('/api/auth/me').set(member.bearer).expect(401);
  });

  it('changes the own password with the current one and ends the other sessions', async () => {
    const first = await signIn(service.url, 'member040@peakplan.test');
    const second = await signIn(service.url, 'member040@peakplan.test');
    await request(service.url)
      .put('/api/auth/password')
      .set(first.bearer)
      .send({ currentPassword: 'wrong', newPassword: 'a-new-long-password' })
      .expect(400);
    await request(service.url)
      .put('/api/auth/password')
      .set(first.bearer)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'short' })
      .expect(400);
    await request(service.url)
      .put('/api/auth/password')
      .set(first.bearer)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' })
      .expect(204);
    await request(service.url).get('/api/auth/me').set(first.bearer).expect(200);
    await request(service.url).get('/api/auth/me').set(second.bearer).expect(401);
    await signIn(service.url, 'member040@peakplan.test', 'a-new-long-password');
  });

  it('keeps CORS closed and sends the security headers', async () => {
    const response = await request(service.url)
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const health = await request(service.url)
      .get('/api/health')
      .set('Origin', 'https://evil.example')
      .expect(200);
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it(`rate-limits sign-in: more than ${SIGN_IN_RATE_LIMITS.perAddressAndEmail} attempts a minute for one email get 429`, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= SIGN_IN_RATE_LIMITS.perAddressAndEmail; attempt++) {
      const response = await request(service.url)
        .post('/api/auth/login')
        .send({ email: 'nobody-at-all@peakplan.test', password: 'x' });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
