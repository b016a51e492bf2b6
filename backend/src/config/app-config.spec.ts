import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000, embedded PostgreSQL in ./data, demo and jobs on', () => {
    const config = loadConfig({}, '/srv/dist');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      demo: true,
      jobsEnabled: true,
      demoHistoryDays: null,
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.frontendDir).toBe('/srv/dist/frontend/browser');
  });

  it('reads overrides and treats blank values as unset', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u@db:5432/peakplan',
        PEAKPLAN_DEMO: 'false',
        PEAKPLAN_JOBS: '0',
        LOG_LEVEL: '',
      },
      '/srv/dist',
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/peakplan',
      demo: false,
      jobsEnabled: false,
      logLevel: 'info',
    });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT="70000" must be between 0 and 65535'],
    [{ PORT: '3.5' }, 'PORT="3.5" must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x" must look like postgres://'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET="short" must be at least 32 characters'],
    [{ PEAKPLAN_JOBS: 'sometimes' }, 'PEAKPLAN_JOBS="sometimes" must be true or false'],
    [{ SMTP_URL: 'mail.example:25' }, 'SMTP_URL="mail.example:25" must look like smtp://'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE="1" must be between 2 and 200'],
    [{ PEAKPLAN_JOB_TIMEOUT_SECONDS: '2.5' }, 'PEAKPLAN_JOB_TIMEOUT_SECONDS="2.5" must be a whole number'],
  ])('names the bad variable %j', (environment, message) => {
    expect(() => loadConfig(environment, '/srv/dist')).toThrow(ConfigError);
    expect(() => loadConfig(environment, '/srv/dist')).toThrow(message);
  });

  it("sends members' messages to the log unless SMTP_URL is set", () => {
    expect(loadConfig({}, '/srv/dist').smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail:587' }, '/srv/dist')).toMatchObject({
      smtpUrl: 'smtp://u:p@mail:587',
      mailFrom: 'PeakPlan <peakplan@localhost>',
    });
  });

  it('sizes the connection pool and the job timeout: 8 and 120 s unless set', () => {
    expect(loadConfig({}, '/srv/dist')).toMatchObject({ databasePoolSize: 8, jobTimeoutSeconds: 120 });
    expect(
      loadConfig({ DATABASE_POOL_SIZE: '16', PEAKPLAN_JOB_TIMEOUT_SECONDS: '300' }, '/srv/dist'),
    ).toMatchObject({ databasePoolSize: 16, jobTimeoutSeconds: 300 });
  });

  it('reads TRUST_PROXY as false (default), a hop count or a list of proxy addresses and subnets', () => {
    expect(loadConfig({}, '/srv/dist').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }, '/srv/dist').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, '/srv/dist').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }, '/srv/dist').trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
  });

  it.each(['true', '10.0.0.0/33', 'proxy.example', '1.2.3'])(
    'refuses TRUST_PROXY=%s, saying what it takes',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value }, '/srv/dist')).toThrow(
        new RegExp(
          `^environment variable TRUST_PROXY=${JSON.stringify(value).replace(/\./g, '\\.')} must be false, a number of proxy hops`,
        ),
      );
    },
  );
});
