import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError } from '../config/app-config';
import { resolveSessionSecret } from './session-secret';

describe('resolveSessionSecret', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'peakplan-secret-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers SESSION_SECRET', () => {
    const secret = 'x'.repeat(40);
    expect(resolveSessionSecret({ sessionSecret: secret, dataDir, nodeEnv: 'production' }, 'server')).toBe(
      secret,
    );
  });

  it('generates a key into the data folder once (mode 0600) on embedded PostgreSQL, and reuses it', () => {
    const config = { sessionSecret: null, dataDir, nodeEnv: 'production' as const };
    const first = resolveSessionSecret(config, 'embedded');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(resolveSessionSecret(config, 'embedded')).toBe(first);
  });

  it('refuses a server database without SESSION_SECRET in production', () => {
    expect(() =>
      resolveSessionSecret({ sessionSecret: null, dataDir, nodeEnv: 'production' }, 'server'),
    ).toThrow(ConfigError);
    expect(resolveSessionSecret({ sessionSecret: null, dataDir, nodeEnv: 'test' }, 'server')).toHaveLength(
      64,
    );
  });
});
