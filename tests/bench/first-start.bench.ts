/* A first start of the built product (`npm run build` first) on an empty embedded data folder, until
 * `GET /api/health` answers: with the build's template database (what `npm start` does) against the
 * same start with the template moved aside (initdb and every migration at start). Reports wall time
 * and the process's CPU time at ready (utime + stime from /proc), which a busy machine disturbs less. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { embeddedTemplateDir } from '../../backend/src/database/embedded-template';
import type { BenchReport } from './run-benchmarks';

const DIST = resolve(__dirname, '..', '..', 'dist');
const MAIN = join(DIST, 'backend', 'backend', 'src', 'main.js');
const CLOCK_TICKS_PER_SECOND = 100;

interface StartTiming {
  wallMs: number;
  cpuMs: number;
}

function cpuMsOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime, stime in ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function firstStart(port: number): Promise<StartTiming> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peakplan-first-start-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PEAKPLAN_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the product stopped with exit code ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: cpuMsOf(child.pid!) };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchReport> {
  const template = embeddedTemplateDir(DIST);
  if (!existsSync(MAIN) || !existsSync(template)) throw new Error('run `npm run build` first');
  const withTemplate = await firstStart(4790);
  const aside = `${template}.aside`;
  renameSync(template, aside);
  let withoutTemplate: StartTiming;
  try {
    withoutTemplate = await firstStart(4791);
  } finally {
    renameSync(aside, template);
  }
  const line = (name: string, measured: number, baseline: number) => ({
    name,
    ms: measured,
    baseline: 'the same first start with initdb and migrations at start',
    baselineMs: baseline,
    ratio: measured / baseline,
  });
  return {
    suite: 'first start',
    lines: [
      line('ready, wall time', withTemplate.wallMs, withoutTemplate.wallMs),
      line('ready, CPU time of the process', withTemplate.cpuMs, withoutTemplate.cpuMs),
    ],
  };
}
