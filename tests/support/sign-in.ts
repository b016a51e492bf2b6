/* Signing in for API tests: through POST /api/auth/login as a browser or a program would, or (for the
 * route matrix, which needs hundreds of sessions) by starting a session directly. */
import request from 'supertest';

import type { LoginResponse } from '@peakplan/contracts';
import { SessionsService } from '@peakplan/backend/auth/sessions.service';

import type { TestService } from './test-service';

export const DEMO_PASSWORD = 'peakplan-demo';

export interface SignedIn {
  token: string;
  user: LoginResponse['user'];
  /** `Authorization: Bearer …`: no CSRF header needed. */
  bearer: Record<string, string>;
  /** The `Cookie` header a browser would send (session and XSRF-TOKEN cookies). */
  cookie: string;
  /** The XSRF-TOKEN value, to echo in X-XSRF-TOKEN on cookie-authenticated mutating requests. */
  csrfToken: string;
}

export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const response = await request(url).post('/api/auth/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pairs = setCookies.map((header) => header.split(';')[0]);
  const csrfToken = pairs.find((pair) => pair.startsWith('XSRF-TOKEN='))!.slice('XSRF-TOKEN='.length);
  const body = response.body as LoginResponse;
  return {
    token: body.token,
    user: body.user,
    bearer: { Authorization: `Bearer ${body.token}` },
    cookie: pairs.join('; '),
    csrfToken,
  };
}

/** A bearer header for a fresh session of the account, without the sign-in route (no rate limit, no argon2). */
export async function sessionHeaders(service: TestService, email: string): Promise<Record<string, string>> {
  const [user] = await service.dataSource.query(`select id from app_user where lower(email) = lower($1)`, [
    email,
  ]);
  if (!user) throw new Error(`no account ${email}`);
  const { token } = await service.service.app.get(SessionsService).start(user.id);
  return { Authorization: `Bearer ${token}` };
}
