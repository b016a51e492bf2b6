import request from 'supertest';

import { ensureFirstAdmin } from '@peakplan/backend/accounts/first-admin';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('outside demo mode: no default passwords, a first admin with a one-time password', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service?.stop());

  it('starts with no accounts at all, then makes an admin who can sign in once given the one-time password', async () => {
    const [{ count }] = await service.dataSource.query(`select count(*)::int as count from app_user`);
    expect(count).toBe(0);
    const first = await ensureFirstAdmin(service.dataSource, {
      email: 'Owner@Example.com',
      name: 'Olive Owner',
    });
    expect(first.created).toBe(true);
    const admin = await signIn(service.url, 'owner@example.com', first.temporaryPassword);
    expect(admin.user.roles).toEqual(['admin']);
    const accounts = await request(service.url).get('/api/accounts').set(admin.bearer).expect(200);
    expect(accounts.body).toHaveLength(1);

    // Running it again re-keys the account and ends its sessions; the old password stops working.
    const again = await ensureFirstAdmin(service.dataSource, {
      email: 'owner@example.com',
      name: 'Olive Owner',
    });
    expect(again).toMatchObject({ accountId: first.accountId, created: false });
    await request(service.url).get('/api/auth/me').set(admin.bearer).expect(401);
    await request(service.url)
      .post('/api/auth/login')
      .send({ email: 'owner@example.com', password: first.temporaryPassword })
      .expect(401);
    await signIn(service.url, 'owner@example.com', again.temporaryPassword);
  });
});
