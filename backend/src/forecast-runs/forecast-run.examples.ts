/* OpenAPI examples for the forecast run routes. */
import type { ForecastRunDetail, ForecastRunSummary } from '@peakplan/contracts';

/** A run just started: queued behind the others of this request. */
export const STARTED_RUN_EXAMPLE: ForecastRunSummary = {
  id: '3f6d2a0e-8c1b-4d7e-9a52-6b1f0c9e4d21',
  queueId: '9b2e4c61-0f3a-4b8d-a7c5-2e6d1f8a0b34',
  queueName: 'phone',
  status: 'running',
  stage: 'queued',
  progress: 0,
  trainingFrom: '2022-01-01',
  trainingTo: '2026-02-28',
  forecastFrom: '2026-03-01',
  horizonDays: 90,
  intervalMinutes: 15,
  country: 'NL',
  model: null,
  modelReason: null,
  warnings: [],
  error: null,
  requestedBy: 'planner@peakplan.test',
  computedBy: null,
  createdAt: '2026-03-01T07:30:00.000Z',
  finishedAt: null,
};

/** The same run polled while its engine runs the peak backtest. */
export const WORKING_RUN_EXAMPLE: ForecastRunDetail = {
  ...STARTED_RUN_EXAMPLE,
  stage: 'backtest',
  progress: 0.7,
  computedBy: 'peakplan-2:4711',
  parameters: null,
  backtest: null,
  days: [],
};
