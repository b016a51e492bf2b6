/* The sign-up storm of issue 12 as a benchmark: the built service (dist, as `npm start` runs it) on a
 * fresh database, 500 pool members signing up for one 20-place shift at the same moment over real
 * HTTP, then 10 withdrawals and 30 sign-ups at once. Reported: p50/p99 latency and throughput of the
 * storm, against a baseline of the same 500 members reading their pool page at once (same HTTP,
 * session and connection pool, no lock). On embedded PostgreSQL always; on the server when
 * DATABASE_URL is set. Aim (issue 12): p99 under 150 ms on the server with 500 at once. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { DataSource } from 'typeorm';

import type { PoolTarget } from '../support/pool-fixtures';
import {
  percentile,
  prepareStorm,
  signUpStorm,
  withdrawAndSignUpStorm,
  type StormRound,
} from '../support/pool-storm';
import { createTestDatabase } from '../support/test-database';
import type { BenchLine, BenchReport } from './run-benchmarks';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'backend', 'backend', 'src');
const MEMBERS = Number(process.env.BENCH_POOL_MEMBERS ?? 500);

interface DistModules {
  startService: typeof import('../../backend/src/bootstrap/start-service').startService;
  loadConfig: typeof import('../../backend/src/config/app-config').loadConfig;
  loadDemoOrganisation: typeof import('../../backend/src/demo/demo-loader').loadDemoOrganisation;
  StructuredLogger: typeof import('../../backend/src/logging/structured-logger').StructuredLogger;
  SessionsService: typeof import('../../backend/src/auth/sessions.service').SessionsService;
  DataSourceClass: typeof DataSource;
}

/** The compiled service: tsx (esbuild) emits no decorator metadata, which Nest's injection needs. */
function loadDist(): DistModules {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'backend/tsconfig.app.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  require(join(DIST, 'register-aliases.js'));
  require('reflect-metadata');
  return {
    startService: require(join(DIST, 'bootstrap', 'start-service.js')).startService,
    loadConfig: require(join(DIST, 'config', 'app-config.js')).loadConfig,
    loadDemoOrganisation: require(join(DIST, 'demo', 'demo-loader.js')).loadDemoOrganisation,
    StructuredLogger: require(join(DIST, 'logging', 'structured-logger.js')).StructuredLogger,
    SessionsService: require(join(DIST, 'auth', 'sessions.service.js')).SessionsService,
    DataSourceClass: require('typeorm').DataSource,
  };
}

function stats(round: StormRound<unknown>): { p50: number; p99: number; perSecond: number } {
  const times = round.calls.map((call) => call.ms);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    perSecond: (times.length / round.wallMs) * 1000,
  };
}

async function stormOn(kind: 'embedded' | 'server', dist: DistModules): Promise<BenchLine[]> {
  const database = await createTestDatabase();
  const config = dist.loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      PEAKPLAN_DEMO: 'false',
      PEAKPLAN_JOBS: 'false',
      NODE_ENV: 'test',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    },
    'dist',
  );
  const service = await dist.startService(config, new dist.StructuredLogger('warn', 'text'), {
    kind: database.kind,
    target: database.target,
    stop: async () => undefined,
  });
  try {
    const dataSource = service.app.get(dist.DataSourceClass);
    await dist.loadDemoOrganisation(dataSource, { today: '2026-03-01', historyDays: 7 });
    const sessions = service.app.get(dist.SessionsService);
    const target: PoolTarget = {
      url: service.url.replace(/\/$/, ''),
      dataSource,
      async headersFor(email) {
        const [user] = await dataSource.query(`select id from app_user where email = $1`, [email]);
        return { Authorization: `Bearer ${(await sessions.start(user.id)).token}` };
      },
    };
    const setup = await prepareStorm(target, {
      members: MEMBERS,
      latecomers: 30,
      places: 20,
      prefix: `bench-${kind}`,
    });
    // Baseline: the same members, the same moment, a read of their own pool page (no lock).
    const started = performance.now();
    const reads = await Promise.all(
      setup.members.map(async (member) => {
        const begin = performance.now();
        const response = await fetch(`${target.url}/api/pool/me`, { headers: member.headers });
        await response.arrayBuffer();
        return performance.now() - begin;
      }),
    );
    const baseline = {
      p50: percentile(reads, 50),
      p99: percentile(reads, 99),
      perSecond: (reads.length / (performance.now() - started)) * 1000,
    };
    const storm = stats(await signUpStorm(target, setup));
    const confirmed = (
      await dataSource.query(`select confirmed_count from pool_shift where id = $1`, [setup.shiftId])
    )[0].confirmed_count as number;
    const leaving = (
      await dataSource.query(
        `select user_id from pool_sign_up where shift_id = $1 and status = 'confirmed' order by queued_at limit 10`,
        [setup.shiftId],
      )
    ).map((row: { user_id: string }) => row.user_id) as string[];
    const second = stats(
      await withdrawAndSignUpStorm(
        target,
        setup,
        setup.members.filter((member) => leaving.includes(member.id)),
      ),
    );
    const label = `${kind}, ${MEMBERS} at once`;
    return [
      {
        name: `sign-up storm p50 (${label})`,
        ms: storm.p50,
        baseline: 'GET /api/pool/me p50, same members at once',
        baselineMs: baseline.p50,
        ratio: storm.p50 / baseline.p50,
      },
      {
        name: `sign-up storm p99 (${label})`,
        ms: storm.p99,
        baseline: 'GET /api/pool/me p99, same members at once',
        baselineMs: baseline.p99,
        ratio: storm.p99 / baseline.p99,
        note: `${storm.perSecond.toFixed(0)} sign-ups/s (reads ${baseline.perSecond.toFixed(0)}/s); ${confirmed} confirmed of 20`,
      },
      {
        name: `10 withdraw + 30 sign up p99 (${kind})`,
        ms: second.p99,
        baseline: 'sign-up storm p99',
        baselineMs: storm.p99,
        ratio: second.p99 / storm.p99,
        note: `p50 ${second.p50.toFixed(1)} ms`,
      },
    ];
  } finally {
    await service.stop();
    await database.drop();
  }
}

export async function run(): Promise<BenchReport> {
  const dist = loadDist();
  const serverUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const lines = await stormOn('embedded', dist);
  if (serverUrl) {
    process.env.DATABASE_URL = serverUrl;
    lines.push(...(await stormOn('server', dist)));
  } else process.stderr.write('pool-storm: server part skipped (set DATABASE_URL to a PostgreSQL server)\n');
  return { suite: 'pool-storm', lines };
}
