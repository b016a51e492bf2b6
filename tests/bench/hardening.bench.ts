/* Hardening (issue 11), on the built product (`npm run build:backend` first) with the demo organisation,
 * on embedded PostgreSQL and, when DATABASE_URL is set, also on a fresh database of that server:
 * - the time to refuse a 600 KB hostile sign-in body (60,000 unknown keys; before the input bounds it
 *   was validated synchronously for ~3 s and answered with 6 MB), against GET /api/health;
 * - 200 concurrent requests for a year of daily history (issue 11 point 6; before the daily aggregate:
 *   p99 8.6 s embedded, 3.2 s server; aim under 1.5 s and 300 ms), against one such request alone. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { Client } from 'pg';

import { PRODUCT_MAIN, startProduct, type RunningProduct } from '../support/start-product';
import { timeMedian, type BenchLine, type BenchReport } from './run-benchmarks';

const HISTORY_DAYS = 400;

async function post(url: string, body: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function measure(product: RunningProduct, kind: string): Promise<BenchLine[]> {
  const hostile = JSON.stringify(
    Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`k${index.toString(36)}`, 'v'])),
  );
  const health = await timeMedian(
    async () => (await fetch(`${product.baseUrl}/api/health`)).arrayBuffer(),
    7,
  );
  // 7 sign-in requests stay under the per-address limit of 50 a minute.
  const refuse = await timeMedian(async () => {
    const status = await post(`${product.baseUrl}/api/auth/login`, hostile);
    if (status !== 400) throw new Error(`hostile body answered ${status}, not 400`);
  }, 7);
  const daily = await dailyHistoryUnderLoad(product);
  return [
    ...daily.map((line) => ({ ...line, name: `${line.name} (${kind})` })),
    {
      name: `refuse a ${Math.round(hostile.length / 1000)} KB body of 60,000 unknown keys (${kind})`,
      ms: refuse,
      baseline: 'GET /api/health',
      baselineMs: health,
      ratio: refuse / health,
    },
  ];
}

const CONCURRENT = 200;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function dailyHistoryUnderLoad(product: RunningProduct): Promise<BenchLine[]> {
  const login = await fetch(`${product.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'planner@peakplan.test', password: 'peakplan-demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const queues = (await (await fetch(`${product.baseUrl}/api/queues`, { headers })).json()) as {
    id: string;
  }[];
  const to = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
  const url = `${product.baseUrl}/api/queues/${queues[0]!.id}/history/daily?from=${from}&to=${to}`;
  const once = async (): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { days: unknown[] };
    if (response.status !== 200 || body.days.length < 300)
      throw new Error(`daily history answered ${response.status}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const alone = await timeMedian(once, 7);
  const times = (await Promise.all(Array.from({ length: CONCURRENT }, once))).sort((a, b) => a - b);
  const line = (name: string, ms: number): BenchLine => ({
    name,
    ms,
    baseline: 'one request alone',
    baselineMs: alone,
    ratio: ms / alone,
  });
  return [
    line(`a year of daily history, ${CONCURRENT} at once: p50`, percentile(times, 0.5)),
    line(`a year of daily history, ${CONCURRENT} at once: p99`, percentile(times, 0.99)),
  ];
}

async function onServerDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `peakplan_bench_hardening_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function run(): Promise<BenchReport> {
  if (!existsSync(PRODUCT_MAIN)) throw new Error('hardening bench: run `npm run build:backend` first');
  const env = { PEAKPLAN_DEMO: 'true', PEAKPLAN_DEMO_HISTORY_DAYS: String(HISTORY_DAYS) };
  const lines: BenchLine[] = [];
  const embedded = await startProduct({ env, timeoutMs: 300_000 });
  try {
    lines.push(...(await measure(embedded, 'embedded')));
  } finally {
    await embedded.stop();
  }
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl) {
    await onServerDatabase(serverUrl, async (url) => {
      const sessionSecret = randomBytes(32).toString('base64url');
      const server = await startProduct({
        env: { ...env, DATABASE_URL: url, SESSION_SECRET: sessionSecret },
        timeoutMs: 300_000,
      });
      try {
        lines.push(...(await measure(server, 'server')));
      } finally {
        await server.stop();
      }
    });
  }
  return { suite: 'hardening', lines };
}
