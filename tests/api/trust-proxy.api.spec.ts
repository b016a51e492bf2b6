/* Issue 11 point 7: behind a TLS reverse proxy (TRUST_PROXY names it), the session cookie is Secure on
 * https and the sign-in limit counts each client's own address, not the proxy's. */
import request from 'supertest';

import { SIGN_IN_RATE_LIMITS } from '@peakplan/backend/auth/session-policy';

import { DEMO_PASSWORD } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('TRUST_PROXY=loopback (the proxy is on this machine)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 1, env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => service?.stop());

  const cookiesOf = (response: request.Response) =>
    ([] as string[]).concat(response.headers['set-cookie'] ?? []);

  it('marks the session and XSRF cookies Secure when the proxy says the request came over https', async () => {
    const https = await request(service.url)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email: 'planner@peakplan.test', password: DEMO_PASSWORD })
      .expect(200);
    expect(cookiesOf(https)).toHaveLength(2);
    for (const cookie of cookiesOf(https)) expect(cookie).toMatch(/; Secure/);
    const http = await request(service.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email: 'planner@peakplan.test', password: DEMO_PASSWORD })
      .expect(200);
    for (const cookie of cookiesOf(http)) expect(cookie).not.toMatch(/Secure/);
  });

  it('limits sign-in per client address from X-Forwarded-For, not per proxy', async () => {
    const attempt = (address: string) =>
      request(service.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: 'member001@peakplan.test', password: 'not-the-password' });
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.perAddressAndEmail; i++)
      expect((await attempt('203.0.113.1')).status).toBe(401);
    expect((await attempt('203.0.113.1')).status).toBe(429);
    // Another client behind the same proxy is not held back by the first one's attempts.
    expect((await attempt('203.0.113.2')).status).toBe(401);
  });
});

describe('TRUST_PROXY unset (the default)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 1 });
  });
  afterAll(() => service?.stop());

  it('ignores forwarded headers: no Secure cookie over http, and a client cannot pick its address', async () => {
    const response = await request(service.url)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'planner@peakplan.test', password: DEMO_PASSWORD })
      .expect(200);
    for (const cookie of ([] as string[]).concat(response.headers['set-cookie']))
      expect(cookie).not.toMatch(/Secure/);
    const attempt = (address: string) =>
      request(service.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: 'member002@peakplan.test', password: 'not-the-password' });
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.perAddressAndEmail; i++) await attempt(`203.0.113.${i}`);
    expect((await attempt('203.0.113.99')).status).toBe(429);
  });
});
