import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'peakplan_session';
/** Angular's HttpClient reads this cookie and echoes it in the X-XSRF-TOKEN header on mutating requests. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

/** A new session token: 256 random bits, sent to the client once and never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token: HMAC-SHA256 under the session secret. */
export function sessionTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`session:${token}`).digest('hex');
}

/**
 * The CSRF token of a session (OWASP "signed double-submit cookie"): derived from the session token, so
 * a token planted by a sibling subdomain or taken from another session does not pass.
 */
export function csrfTokenFor(secret: string, sessionToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
