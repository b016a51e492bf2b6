/* The built product (`node dist/backend/backend/src/main.js`, as `npm start` runs it) in a child process,
 * on a free port with a fresh embedded data folder. For browser tests and start/stop fault tests. */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { HealthResponse } from '@peakplan/contracts';

export const PRODUCT_MAIN = join(__dirname, '..', '..', 'dist', 'backend', 'backend', 'src', 'main.js');

export interface RunningProduct {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then waits; resolves with the exit code. Removes the data folder unless kept. */
  stop(options?: { keepData?: boolean }): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartProductOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** How long to wait for the "dashboard" line (and the demo, when waited for). */
  timeoutMs?: number;
  /**
   * Also wait until the demo's past peaks, prepared in the background after a first start, are done:
   * for tests whose own forecast runs should not queue behind the demo's.
   */
  waitForDemo?: boolean;
}

export async function startProduct(options: StartProductOptions = {}): Promise<RunningProduct> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'peakplan-product-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PEAKPLAN_DATA_DIR: dataDir,
    PEAKPLAN_JOBS: 'false',
    ...options.env,
  };
  delete env['DATABASE_URL'];
  if (options.env?.['DATABASE_URL']) env['DATABASE_URL'] = options.env['DATABASE_URL'];
  const child = spawn(process.execPath, [PRODUCT_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`product did not start in time:\n${output}`)),
      options.timeoutMs ?? 240_000,
    );
    const check = () => {
      if (output.includes('PeakPlan dashboard:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`product exited with code ${code} before it was ready:\n${output}`));
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  if (options.waitForDemo) await demoPrepared(baseUrl, Date.now() + (options.timeoutMs ?? 240_000));

  return {
    baseUrl,
    dataDir,
    process: child,
    output: () => output,
    async stop(stopOptions = {}) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!stopOptions.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

async function demoPrepared(baseUrl: string, deadline: number): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as HealthResponse;
    if (health.demo?.pastPeaks.state !== 'preparing') return;
    if (Date.now() > deadline)
      throw new Error(`the demo's past peaks were not ready in time: ${JSON.stringify(health.demo)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs the product expecting it to refuse to start; resolves with its exit code and output. */
export async function runProductExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [PRODUCT_MAIN], {
    env: { ...process.env, PEAKPLAN_JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
