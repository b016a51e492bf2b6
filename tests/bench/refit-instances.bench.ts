/* The nightly refit and the sign-up storm spread over instances (issue 18): the built product (dist)
 * as separate processes on one PostgreSQL server database, once with one instance and once with two.
 * - Refit: BENCH_REFIT_QUEUES queues (default 1,000) with new actuals; one admin call starts the night's
 *   refit, one forecast-run job per queue goes on the queue, every instance takes jobs. Reported: wall
 *   time from the call to the last run stored, against one instance; each instance's share; and that
 *   none was done twice (one run per queue, every job completed on its first attempt).
 * - Storm: 500 members signing up for 20 places at once, spread over the instances, p99 against the
 *   same storm through one instance.
 * Each queue has 120 days of daily actuals (the demo phone queue's), so a run is short and the bench
 * measures the spreading, not the engine. On a two-core machine both instances share the cores: the
 * split and the absence of double work matter more than the speed-up. Needs DATABASE_URL. */
import { join } from 'node:path';

import { register } from 'tsconfig-paths';

import type { SignUpResponse } from '@peakplan/contracts';

import type { StormCall } from '../support/pool-storm';
import type { ProductCluster } from '../support/product-instances';
import type { BenchLine, BenchReport } from './run-benchmarks';

// tsx reads no tsconfig paths (there is no root tsconfig.json); the backend sources use the aliases.
register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@peakplan/forecasting': ['forecasting/src/index.ts'],
    '@peakplan/contracts': ['contracts/src/index.ts'],
    '@peakplan/backend/*': ['backend/src/*'],
  },
});

const QUEUES = Number(process.env.BENCH_REFIT_QUEUES ?? 1000);
const MEMBERS = 500;
const NIGHT = '2026-03-01';

interface Measured {
  wallMs: number;
  shares: number[];
  runs: number;
  queuesRefitted: number;
  retriedJobs: number;
  stormP99: number;
  stormConfirmed: number;
}

async function measure(instances: number): Promise<Measured> {
  const { startProductCluster } =
    require('../support/product-instances') as typeof import('../support/product-instances');
  const { loadDemoOrganisation } =
    require('../../backend/src/demo/demo-loader') as typeof import('../../backend/src/demo/demo-loader');
  const { prepareStorm, signUpStorm, percentile } =
    require('../support/pool-storm') as typeof import('../support/pool-storm');
  const cluster: ProductCluster = await startProductCluster({ instances, env: { LOG_LEVEL: 'error' } });
  try {
    const db = cluster.dataSource;
    await loadDemoOrganisation(db, { today: NIGHT, historyDays: 120 });
    // QUEUES queues like the demo's phone queue, each with its 120 days as daily actuals; the demo's
    // own three are retired, so that the night refits exactly the bench's queues.
    await db.query(
      `insert into queue (organisation_id, name, kind, service_level_target, target_seconds, aht_seconds, patience_seconds, concurrency, interval_minutes)
       select organisation_id, 'refit-' || lpad(n::text, 4, '0'), kind, service_level_target, target_seconds, aht_seconds, patience_seconds, concurrency, 60
         from queue, generate_series(1, $1) n where name = 'phone'`,
      [QUEUES],
    );
    await db.query(
      `insert into contact_history (queue_id, interval_start, interval_minutes, reason, offered)
       select q.id, d.day::timestamp at time zone 'Europe/Amsterdam', 1440, '', d.offered
         from queue q cross join (
           select (h.interval_start at time zone 'Europe/Amsterdam')::date as day, sum(h.offered)::int as offered
             from contact_history h join queue p on p.id = h.queue_id and p.name = 'phone' group by 1) d
        where q.name like 'refit-%'`,
    );
    await db.query(`update queue set retired_at = now() where name not like 'refit-%'`);
    const admin = await cluster.headersFor('admin@peakplan.test');
    const started = performance.now();
    // The call returns when the night is done; it may outlast the HTTP client, so the runs are watched.
    void fetch(`${cluster.instances[0].url}/api/jobs/nightly-refit/run`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ date: NIGHT }),
    }).catch(() => undefined);
    for (;;) {
      const [{ done, running }] = await db.query(
        `select count(*) filter (where status <> 'running')::int as done, count(*) filter (where status = 'running')::int as running
           from forecast_run where requested_by = 'nightly-refit'`,
      );
      if (done >= QUEUES && running === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const wallMs = performance.now() - started;
    const runs: { computed_by: string; status: string; queue_id: string }[] = await db.query(
      `select computed_by, status, queue_id from forecast_run where requested_by = 'nightly-refit'`,
    );
    const failed = runs.filter((run) => run.status !== 'completed');
    if (failed.length > 0) throw new Error(`${failed.length} refit runs did not complete`);
    const [{ retried }] = await db.query(
      `select count(*) filter (where retry_count > 0 or state <> 'completed')::int as retried
         from pgboss.job where name = 'forecast-run'`,
    );
    const shares = cluster.instances.map(
      (instance) => runs.filter((run) => instance.owns(run.computed_by)).length,
    );

    const setup = await prepareStorm(cluster.target(cluster.instances[0]), {
      members: MEMBERS,
      latecomers: 0,
      places: 20,
      prefix: `refit-bench-${instances}`,
    });
    const rounds = await Promise.all(
      cluster.instances.map((instance, index) =>
        signUpStorm(cluster.target(instance), {
          ...setup,
          members: setup.members.filter((_, member) => member % instances === index),
        }),
      ),
    );
    const calls: StormCall<SignUpResponse>[] = rounds.flatMap((round) => round.calls);
    return {
      wallMs,
      shares,
      runs: runs.length,
      queuesRefitted: new Set(runs.map((run) => run.queue_id)).size,
      retriedJobs: retried as number,
      stormP99: percentile(
        calls.map((call) => call.ms),
        99,
      ),
      stormConfirmed: calls.filter((call) => call.body.status === 'confirmed').length,
    };
  } finally {
    await cluster.stop();
  }
}

export async function run(): Promise<BenchReport> {
  if (!process.env.DATABASE_URL) {
    process.stderr.write('refit-instances: skipped (set DATABASE_URL to a PostgreSQL server)\n');
    return { suite: 'refit-instances', lines: [] };
  }
  const one = await measure(1);
  const two = await measure(2);
  const lines: BenchLine[] = [
    {
      name: `nightly refit of ${QUEUES} queues, 2 instances`,
      ms: two.wallMs,
      baseline: '1 instance',
      baselineMs: one.wallMs,
      ratio: two.wallMs / one.wallMs,
      note: `shares ${two.shares.join(' / ')}; ${two.runs} runs for ${two.queuesRefitted} queues; ${two.retriedJobs} jobs retried (1 instance: ${one.runs} runs, ${one.retriedJobs} retried)`,
    },
    {
      name: `sign-up storm p99, ${MEMBERS} at once through 2 instances`,
      ms: two.stormP99,
      baseline: 'through 1 instance',
      baselineMs: one.stormP99,
      ratio: two.stormP99 / one.stormP99,
      note: `${two.stormConfirmed} confirmed of 20 (1 instance: ${one.stormConfirmed})`,
    },
  ];
  return { suite: 'refit-instances', lines };
}
