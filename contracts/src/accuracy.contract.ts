/** Accuracy metrics of a forecast against the actuals over a set of days (or intervals). */
export interface AccuracyMetricsDto {
  /** Σ|actual − forecast| / Σ actual. */
  wape: number | null;
  /** (Σ forecast − Σ actual) / Σ actual: positive = over-forecast. */
  bias: number | null;
  /** Mean absolute error scaled by the seasonal-naive error (lag 364 days) of the training history. */
  mase: number | null;
  /** Share of actuals (open days / intervals) inside P10–P90. */
  coverage: number | null;
  forecast: number;
  actual: number;
  points: number;
}

/** `GET /api/forecast-runs/{runId}/accuracy`: forecast against actuals per day, per event window and overall. */
export interface ForecastAccuracyReport {
  runId: string;
  queueId: string;
  queueName: string;
  from: string;
  to: string;
  /** Days with actuals; forecast-only days are left out and counted. */
  daysWithActuals: number;
  daysForecastOnly: number;
  overall: AccuracyMetricsDto;
  /** Per event key whose window holds forecast days with actuals (the post-peak summary). */
  events: ({ event: string; from: string; to: string } & AccuracyMetricsDto)[];
  /** Interval-level metrics over the same days (15/30/60 min). */
  intervals: AccuracyMetricsDto;
  days: {
    date: string;
    p10: number;
    p50: number;
    p90: number;
    actual: number | null;
    handled: number | null;
    abandoned: number | null;
    events: string[];
  }[];
}
