import type { ForecastRunStage } from '@peakplan/contracts';

/**
 * The share of a run's work done when each stage begins. Weighted by the stages' times for one demo
 * queue (4 years of 15-minute history, 90-day horizon, PostgreSQL 15 server): loading the history and
 * storing 8,640 interval rows take about as long as the engine's fit, backtest and spread together.
 */
export const STAGE_PROGRESS: Record<Exclude<ForecastRunStage, 'failed'>, number> = {
  queued: 0,
  'loading history': 0,
  fitting: 0.35,
  backtest: 0.5,
  'spreading intervals': 0.65,
  storing: 0.75,
  completed: 1,
};

/** A run that has not shown a sign of life for this long has lost the instance that ran it. */
export const STALE_AFTER_SECONDS = 120;
/** How often an instance touches the runs it holds (queued or working). */
export const HEARTBEAT_MS = 20_000;

export const INTERRUPTED = 'interrupted: the service stopped before this run finished; start it again';
