import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { MIGRATIONS } from '@peakplan/backend/database/migrations';

import { signIn } from '../support/sign-in';
import { freePort, runProductExpectingFailure, startProduct } from '../support/start-product';

// These start the built product (`npm start`'s process) on embedded PostgreSQL; on the PostgreSQL-server
// pass of the suite they would repeat the same embedded run, so they run in the embedded pass only.
const describeEmbedded = process.env['DATABASE_URL'] ? describe.skip : describe;

describeEmbedded('the product process: start, refuse, stop, restart', () => {
  it('refuses a second process on the same data folder, flushes on SIGTERM and keeps data across a restart', async () => {
    const first = await startProduct({ env: { PEAKPLAN_DEMO_HISTORY_DAYS: '20' } });
    let plannerSession: Record<string, string>;
    try {
      // The session key is generated into the data folder on first start, readable by its owner only.
      expect(statSync(join(first.dataDir, 'session-secret')).mode & 0o777).toBe(0o600);
      plannerSession = (await signIn(first.baseUrl, 'planner@peakplan.test')).bearer;
      const health = await request(first.baseUrl).get('/api/health').expect(200);
      expect(health.body.database.kind).toBe('embedded');
      expect(first.output()).toContain('loading the demo organisation');
      // The empty folder began as a copy of the build's migrated template (embedded-template.ts): no
      // migration ran at start, yet every one is recorded and none is pending.
      expect(first.output()).not.toContain('migration ran');
      expect([...health.body.database.migrationsRun].sort()).toEqual(
        MIGRATIONS.map((migration) => migration.name).sort(),
      );
      expect(health.body.database.migrationsPending).toEqual([]);

      const port = await freePort();
      const second = await runProductExpectingFailure({
        PORT: String(port),
        PEAKPLAN_DATA_DIR: first.dataDir,
      });
      expect(second.code).toBe(1);
      expect(second.output.trim().split('\n')).toHaveLength(1);
      expect(second.output).toContain('is in use by another PeakPlan process');
    } finally {
      expect(await first.stop({ keepData: true })).toBe(0);
    }

    const restarted = await startProduct({ dataDir: first.dataDir });
    try {
      expect(restarted.output()).not.toContain('loading the demo organisation');
      // Same key after the restart: the session from before it still works.
      const queues = await request(restarted.baseUrl).get('/api/queues').set(plannerSession!).expect(200);
      expect(queues.body.map((queue: { name: string }) => queue.name)).toEqual(['chat', 'email', 'phone']);
    } finally {
      expect(await restarted.stop()).toBe(0);
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'environment variable PORT="abc" must be a number'],
    [{ PEAKPLAN_DEMO: 'maybe' }, 'PEAKPLAN_DEMO="maybe" must be true or false'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      'cannot reach the PostgreSQL server at 127.0.0.1:1/none',
    ],
  ])('refuses bad environment %j with one clear line and exit code 1', async (env, expected) => {
    const result = await runProductExpectingFailure({
      PEAKPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'peakplan-bad-')),
      ...env,
    });
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toHaveLength(1);
    expect(result.output).toContain(expected);
  });

  it('says so when the port is taken, before touching the data folder', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    const dataDir = join(mkdtempSync(join(tmpdir(), 'peakplan-port-')), 'data');
    try {
      const result = await runProductExpectingFailure({
        PORT: String(port),
        HOST: '127.0.0.1',
        PEAKPLAN_DATA_DIR: dataDir,
      });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('explains a data folder that is not a database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'peakplan-corrupt-'));
    mkdirSync(join(dataDir, 'pglite'));
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), 'not a version\n');
    const result = await runProductExpectingFailure({
      PORT: String(await freePort()),
      PEAKPLAN_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('could not be opened');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
