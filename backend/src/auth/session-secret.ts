import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type AppConfig, ConfigError } from '../config/app-config';

export const SESSION_SECRET = Symbol('SESSION_SECRET');
export const SESSION_SECRET_FILE = 'session-secret';

/**
 * The key that hashes session tokens and derives CSRF tokens. SESSION_SECRET wins; on embedded
 * PostgreSQL it is generated once into `<dataDir>/session-secret` (mode 0600) so sessions survive a
 * restart. A server database without SESSION_SECRET is refused in production (every instance behind a
 * load balancer needs the same key) and gets a per-process key in development and tests.
 */
export function resolveSessionSecret(
  config: Pick<AppConfig, 'sessionSecret' | 'dataDir' | 'nodeEnv'>,
  databaseKind: 'embedded' | 'server',
  warn: (message: string) => void = () => undefined,
): string {
  if (config.sessionSecret) return config.sessionSecret;
  if (databaseKind === 'embedded') return readOrCreateSecretFile(config.dataDir);
  if (config.nodeEnv === 'production') {
    throw new ConfigError(
      'SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 48`) when DATABASE_URL is set',
    );
  }
  warn('SESSION_SECRET is not set: using a per-process key; sessions end when the service restarts');
  return randomBytes(48).toString('base64url');
}

function readOrCreateSecretFile(dataDir: string): string {
  const file = join(dataDir, SESSION_SECRET_FILE);
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32) {
      throw new ConfigError(
        `${file} holds a key shorter than 32 characters; delete it to generate a new one`,
      );
    }
    return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // 'wx' fails if another process created the file meanwhile; then its key is the one to use.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecretFile(dataDir);
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
