import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { Logger, OnApplicationShutdown } from '@nestjs/common';

import { runForecastEngine, type ForecastEngineResult, type ForecastEngineStage } from './forecast-engine';
import {
  engineErrorFrom,
  type EngineJobMessage,
  type EngineReply,
  type ForecastEngineJob,
} from './forecast-engine-messages';
import { unpackIntervals } from './packed-intervals';

/** How to start the engine's worker: its file, and what Node needs to load it. */
export interface EngineWorkerScript {
  file: string;
  execArgv: string[];
  env?: Record<string, string | undefined>;
  /** For the log: which of the two ways it loads. */
  loads: string;
}

/**
 * The worker's code, by what exists beside this file. Compiled (`npm start`): the .js file, with the
 * path aliases of register-aliases.js preloaded. From TypeScript sources (the API tests under jest):
 * the .ts file through tsx, whose paths come from tsconfig.base.json (there is no root tsconfig.json).
 */
export function engineWorkerScript(directory: string = __dirname): EngineWorkerScript | null {
  const compiled = join(directory, 'forecast-engine.worker.js');
  if (existsSync(compiled)) {
    const aliases = join(directory, '..', 'register-aliases.js');
    return {
      file: compiled,
      execArgv: existsSync(aliases) ? ['--require', aliases] : [],
      loads: 'compiled',
    };
  }
  const source = join(directory, 'forecast-engine.worker.ts');
  if (existsSync(source)) {
    return {
      file: source,
      execArgv: ['--require', require.resolve('tsx/cjs')],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(directory, '..', '..', '..', 'tsconfig.base.json') },
      loads: 'TypeScript sources through tsx',
    };
  }
  return null;
}

const STOPPED = 'interrupted: the forecast engine was stopped (the service is shutting down)';

interface EngineJob {
  worker: Worker;
  job: ForecastEngineJob;
  onStage(stage: ForecastEngineStage): void;
  resolve(result: ForecastEngineResult): void;
  reject(error: Error): void;
}

/**
 * Runs the forecast engine (CPU-bound for seconds) on one shared worker thread, so that the service's
 * event loop keeps answering requests meanwhile. The worker starts on first use, is unref'd while idle
 * (it never keeps the process alive) and is terminated on shutdown. If it cannot start, the engine runs
 * on this thread, with a warning in the log: slower to answer requests, but no run is lost. If it dies
 * while working, that job fails and the next one starts a fresh worker.
 */
export class ForecastEngineThread implements OnApplicationShutdown {
  private readonly logger = new Logger('forecast-engine');
  private worker: Worker | undefined;
  private unavailable = false;
  private stopping = false;
  private nextJobId = 0;
  private readonly jobs = new Map<number, EngineJob>();

  constructor(private readonly locateScript: () => EngineWorkerScript | null = () => engineWorkerScript()) {}

  /** Whether runs go to the worker thread (true until a worker failed to start). */
  get usesWorker(): boolean {
    return !this.unavailable;
  }

  run(
    job: ForecastEngineJob,
    onStage: (stage: ForecastEngineStage) => void = () => undefined,
  ): Promise<ForecastEngineResult> {
    if (this.stopping) return Promise.reject(new Error(STOPPED));
    if (this.unavailable) return this.runHere(job, onStage);
    let worker: Worker;
    try {
      worker = this.sharedWorker();
    } catch (error) {
      this.giveUp(error instanceof Error ? error.message : String(error));
      return this.runHere(job, onStage);
    }
    return new Promise<ForecastEngineResult>((resolve, reject) => {
      const jobId = this.nextJobId++;
      this.jobs.set(jobId, { worker, job, onStage, resolve, reject });
      worker.ref(); // a pending job keeps the process alive
      worker.postMessage({ jobId, job } satisfies EngineJobMessage);
    });
  }

  /** Terminates the worker; a job it was working on fails as interrupted. */
  async stop(): Promise<void> {
    this.stopping = true;
    const current = this.worker;
    this.worker = undefined;
    if (current) await current.terminate();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private async runHere(
    job: ForecastEngineJob,
    onStage: (stage: ForecastEngineStage) => void,
  ): Promise<ForecastEngineResult> {
    return runForecastEngine(
      { ...job.settings, intervals: unpackIntervals(job.intervals, job.settings.timeZone) },
      onStage,
    );
  }

  private giveUp(reason: string): void {
    this.unavailable = true;
    this.logger.warn(
      `the forecast engine's worker thread could not start (${reason}); forecast runs execute on the main thread, which stops answering requests while they compute`,
    );
  }

  private sharedWorker(): Worker {
    if (this.worker) return this.worker;
    const script = this.locateScript();
    if (!script) throw new Error(`no forecast-engine.worker.js or .ts in ${__dirname}`);
    const startedAt = Date.now();
    const worker = new Worker(script.file, { execArgv: script.execArgv, env: script.env ?? process.env });
    let ready = false;
    worker.unref();
    worker.on('message', (reply: EngineReply) => {
      if (reply.kind === 'ready') {
        ready = true;
        this.logger.log(`forecast engine worker ready (${script.loads}) in ${Date.now() - startedAt} ms`);
        return;
      }
      const job = this.jobs.get(reply.jobId);
      if (!job) return;
      if (reply.kind === 'stage') {
        job.onStage(reply.stage);
        return;
      }
      this.jobs.delete(reply.jobId);
      if (![...this.jobs.values()].some((other) => other.worker === worker)) worker.unref();
      if (reply.kind === 'result') job.resolve(reply.result);
      else job.reject(engineErrorFrom(reply.error));
    });
    worker.on('error', (error: Error) => this.lost(worker, ready, error.message));
    worker.on('exit', (code: number) => this.lost(worker, ready, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** The worker is gone: before it was ready that is a failed start (its jobs run here), after, its jobs fail. */
  private lost(worker: Worker, ready: boolean, reason: string): void {
    if (this.worker === worker) this.worker = undefined;
    const orphans = [...this.jobs].filter(([, job]) => job.worker === worker);
    for (const [jobId] of orphans) this.jobs.delete(jobId);
    if (this.stopping) {
      for (const [, job] of orphans)
        job.reject(
          new Error('interrupted: the service stopped while this run was computing; start it again'),
        );
      return;
    }
    if (!ready) {
      if (!this.unavailable) this.giveUp(reason);
      for (const [, job] of orphans) this.runHere(job.job, job.onStage).then(job.resolve, job.reject);
      return;
    }
    for (const [, job] of orphans)
      job.reject(new Error(`the forecast engine's worker thread stopped (${reason})`));
  }
}
