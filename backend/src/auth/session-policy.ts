/** How long a session lives, and when an account locks after failed sign-ins. */
export const SESSION_POLICY = {
  /** A session ends this long after sign-in, however active. */
  absoluteLifetimeMs: 12 * 60 * 60 * 1000,
  /** …or after this long without a request. */
  idleTimeoutMs: 2 * 60 * 60 * 1000,
  /** last_seen_at is written at most this often, not on every request. */
  touchIntervalMs: 60 * 1000,
} as const;

export const LOCKOUT_POLICY = {
  /** Consecutive wrong passwords that lock the account… */
  maxFailedAttempts: 5,
  /** …for this long. */
  lockMs: 15 * 60 * 1000,
} as const;

/** Rate limits on POST /api/auth/login (per minute). */
export const SIGN_IN_RATE_LIMITS = {
  perAddress: 50,
  perAddressAndEmail: 10,
  windowMs: 60 * 1000,
} as const;

export const PASSWORD_RULES = { minLength: 12, maxLength: 200 } as const;
