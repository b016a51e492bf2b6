/** `POST /api/forecast-runs`: one queue, or every queue when queueId is left out. */
export interface StartForecastRunRequest {
  queueId?: string;
  /** First and last day of history used (inclusive, local dates); default: all history up to yesterday. */
  trainingFrom?: string;
  trainingTo?: string;
  /** Days forecast after the training range (1..730), default 90. */
  horizonDays?: number;
  /** Country of the public holidays (default: the organisation's). */
  country?: string;
  /** 15, 30 or 60; default the queue's interval. */
  intervalMinutes?: number;
  /** Days between forecast origin and event in the peak backtests (default 28). */
  leadDays?: number;
}

export type ForecastRunStatus = 'running' | 'completed' | 'failed';

/**
 * Where a run is, for the dashboard to poll: `queued` behind other runs of this service, then working
 * (`loading history`, `fitting` the daily model, `backtest` on past peaks, `spreading intervals`,
 * `storing`), then `completed` or `failed` (status says the same; stage adds the steps in between).
 */
export type ForecastRunStage =
  | 'queued'
  | 'loading history'
  | 'fitting'
  | 'backtest'
  | 'spreading intervals'
  | 'storing'
  | 'completed'
  | 'failed';

export interface ForecastRunSummary {
  id: string;
  queueId: string;
  queueName: string;
  status: ForecastRunStatus;
  stage: ForecastRunStage;
  /**
   * Share of the run's work done, 0..1, for a progress bar: each stage starts at a fixed share
   * (weighted by the stages' measured times on the demo queues), 1 when completed; a failed run keeps
   * the share it had reached.
   */
  progress: number;
  trainingFrom: string;
  trainingTo: string;
  forecastFrom: string;
  horizonDays: number;
  intervalMinutes: number;
  country: string;
  /** The chosen forecaster, e.g. `combination(regression 0.6, event-uplift 0.4)`. */
  model: string | null;
  /** Why that forecaster was chosen (backtest on past peaks). */
  modelReason: string | null;
  warnings: string[];
  error: string | null;
  requestedBy: string | null;
  /** The service instance (`host:pid`) that last took the run's job; null while none has. */
  computedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ForecastDayDto {
  date: string;
  p10: number;
  p50: number;
  p90: number;
  closed: boolean;
  /** Event keys whose window holds the day. */
  events: string[];
}

export interface ForecastIntervalDto {
  /** ISO date-time with offset. */
  start: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface BacktestMetricsDto {
  wape: number;
  smape: number;
  mase: number;
  bias: number;
  coverage: number | null;
  days: number;
}

export interface ForecastBacktestDto {
  leadDays: number;
  verdict: string;
  overall: Record<'model' | 'regression' | 'seasonalNaive' | 'eventUplift', BacktestMetricsDto>;
  windows: ({
    eventId: string;
    eventName: string;
    eventDate: string;
    origin: string;
    modelUsed: string;
  } & Record<'model' | 'regression' | 'seasonalNaive' | 'eventUplift', BacktestMetricsDto>)[];
}

/** A finished (or failed) run with everything it produced except the interval rows. */
export interface ForecastRunDetail extends ForecastRunSummary {
  parameters: {
    selection: {
      name: string;
      reason: string;
      weights: Record<string, number>;
      peakWape: { regression: number; seasonalNaive: number; eventUplift: number; chosen: number } | null;
    };
    closedWeekdays: number[];
    outliers: { date: string; offered: number; expected: number; reason: string }[];
    gaps: { from: string; to: string }[];
    events: string[];
    /**
     * The intraday forecaster the intraday backtest chose (PeakPlan's spread, the four-week average, last
     * week, a blend), its interval WAPE beside the others and the out-of-sample band coverage; null when
     * the interval history is too short to backtest. Absent on runs made before it existed.
     */
    intraday?: {
      name: string;
      reason: string;
      wape: Record<string, number>;
      intervalCoverage: number | null;
      dayCoverage: number | null;
    } | null;
  } | null;
  backtest: ForecastBacktestDto | null;
  days: ForecastDayDto[];
}

/** Daily P50 of two or more runs side by side (`GET /api/forecast-runs/compare?ids=a,b`). */
export interface ForecastRunComparison {
  runs: ForecastRunSummary[];
  days: { date: string; p50: (number | null)[]; actual: number | null }[];
}
