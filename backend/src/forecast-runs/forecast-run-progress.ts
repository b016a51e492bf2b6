import type { ForecastRunStage } from '@peakplan/contracts';

/**
 * The share of a run's work done when each stage begins, from the stages' times for the demo queues
 * (4 years of 15-minute history, 90-day horizon, PostgreSQL 15 server; the service logs them per run):
 * loading the history ~60% (300–640 ms), fitting ~10%, backtest ~8%, spreading ~9%, storing ~13%.
 */
export const STAGE_PROGRESS: Record<Exclude<ForecastRunStage, 'failed'>, number> = {
  queued: 0,
  'loading history': 0,
  fitting: 0.6,
  backtest: 0.7,
  'spreading intervals': 0.78,
  storing: 0.87,
  completed: 1,
};

/** A run that has not shown a sign of life for this long has lost the instance that ran it. */
export const STALE_AFTER_SECONDS = 120;
/** How often an instance touches the runs it holds (queued or working). */
export const HEARTBEAT_MS = 20_000;

export const INTERRUPTED = 'interrupted: the service stopped before this run finished; start it again';
