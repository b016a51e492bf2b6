/** Core staff rostered: agents present (before shrinkage) on these weekdays between two wall-clock times. */
export interface CoreStaffPattern {
  /** Queue name or id; all queues when left out. */
  queue?: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** `HH:MM`, `to` may be `24:00`. */
  from: string;
  to: string;
  agents: number;
}

/** The what-if adjustments of a scenario on its forecast runs. All optional. */
export interface ScenarioAdjustments {
  /** Overall volume change, e.g. 0.1 for +10%. */
  volumeUplift?: number;
  /** Extra change on days in an event's window, by event key, e.g. `{ valentines: 0.2 }`. */
  eventUplift?: Record<string, number>;
  /** Share of a contact reason's contacts that self-service prevents, e.g. `{ 'order-status': 0.3 }`. */
  deflection?: Record<string, number>;
  /** AHT change, e.g. −0.05 for 5% shorter. */
  ahtChange?: number;
  /** Service target for live queues (default each queue's own). */
  serviceLevel?: number;
  targetSeconds?: number;
  /** Default 0.3. */
  shrinkage?: number;
  /** Default 0.85. */
  maxOccupancy?: number;
  /**
   * Weekly patterns of core staff. Core staff uploaded per interval (`PUT /api/scenarios/{id}/core-staff`)
   * wins: where an upload covers a (queue, interval), the uploaded value is that interval's core staff
   * and the patterns are not added to it; everywhere else the patterns apply. The result warns when an
   * upload covers only part of the period (some queues or some intervals).
   */
  coreStaff?: CoreStaffPattern[];
  /** Cost per paid hour; defaults 32 (core) and 38 (pool). */
  coreHourlyCost?: number;
  poolHourlyCost?: number;
}

/** One uploaded interval of core staff; CSV columns `queue,start,agents`. */
export interface CoreStaffIntervalDto {
  /** Queue name. */
  queue: string;
  /** Interval start in the organisation's time zone, with offset: `2026-02-14T09:00:00+01:00`. */
  start: string;
  /** Agents present (before shrinkage), a whole number ≥ 0. */
  agents: number;
}

export interface CoreStaffQueueSummary {
  queue: string;
  intervals: number;
  firstStart: string;
  lastStart: string;
  /** Sum of agents × interval length. */
  agentHours: number;
}

/** What a scenario holds as uploaded core staff. */
export interface ScenarioCoreStaffDto {
  scenarioId: string;
  intervals: number;
  queues: CoreStaffQueueSummary[];
  /** Every stored interval, by queue name then start (left out of summaries). */
  rows?: CoreStaffIntervalDto[];
}

/** The answer to an upload or a clear: what is stored now, and what changed (keyed on queue + start). */
export interface ScenarioCoreStaffChange extends ScenarioCoreStaffDto {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface CreateScenarioRequest {
  name: string;
  /** One forecast run per queue. */
  forecastRunIds: string[];
  /** The peak to plan, local dates inclusive (default: the runs' whole horizon). */
  from?: string;
  to?: string;
  adjustments?: ScenarioAdjustments;
}

export interface UpdateScenarioRequest {
  name?: string;
  from?: string;
  to?: string;
  adjustments?: ScenarioAdjustments;
}

export interface ScenarioDto {
  id: string;
  name: string;
  forecastRunIds: string[];
  from: string;
  to: string;
  adjustments: ScenarioAdjustments;
  isPlan: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One queue in one interval. */
export interface ScenarioIntervalDto {
  queue: string;
  start: string;
  forecast: number;
  /** Agents needed on the queue (productive). */
  required: number;
  /** After shrinkage. */
  scheduled: number;
  core: number;
  poolGap: number;
  /** Live queues; null for deferred queues. */
  serviceLevelWithoutPool: number | null;
  serviceLevelWithPool: number | null;
  /** Only where asked for (the roster allocation): service level with 0, 1, … poolGap pool agents. */
  serviceLevelSteps?: number[];
}

export interface ScenarioTotals {
  contacts: number;
  requiredHours: number;
  scheduledHours: number;
  coreHours: number;
  poolHours: number;
  coreCost: number;
  poolCost: number;
  cost: number;
  /** Contact-weighted over the live queues. */
  serviceLevelWithoutPool: number | null;
  serviceLevelWithPool: number | null;
  intervalsWithGap: number;
}

export interface ScenarioResult {
  scenarioId: string;
  name: string;
  from: string;
  to: string;
  totals: ScenarioTotals;
  queues: ({ queue: string; kind: 'live' | 'deferred' } & ScenarioTotals)[];
  days: ({ date: string } & ScenarioTotals)[];
  intervals?: ScenarioIntervalDto[];
  warnings: string[];
}

export interface ScenarioComparison {
  scenarios: ScenarioResult[];
}

/**
 * One queue's forecast over a scenario's period with its settings: what the scenario computation
 * (forecasting's `computeScenario`) takes. Arrays run beside `starts`, one entry per interval.
 */
export interface ScenarioQueueInputDto {
  queueId: string;
  name: string;
  kind: 'live' | 'deferred';
  intervalMinutes: number;
  ahtSeconds: number;
  serviceLevelTarget: number;
  targetSeconds: number;
  patienceSeconds: number | null;
  concurrency: number;
  /** Share of each contact reason in the queue's last year of history ('' = no reason given). */
  reasonShares: Record<string, number>;
  /** The reason mix of each forecast day by local date (days left out use `reasonShares`). */
  reasonSharesByDate?: Record<string, Record<string, number>>;
  /** Interval starts in the organisation's time zone, with offset. */
  starts: string[];
  localDates: string[];
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** Minutes since local midnight. */
  localMinutes: number[];
  /** The forecast (median) contacts. */
  p50: number[];
  /** Event keys of each interval's day. */
  events: string[][];
  closed: boolean[];
  /** Uploaded core staff per interval, −1 where none; left out without an upload in the period. */
  uploadedCore?: number[];
}

/**
 * What the dashboard needs to recompute a scenario in the browser with the server's code: the saved
 * adjustments, each queue's inputs, and the warnings the server adds beside the computation's own.
 */
export interface ScenarioInputsDto {
  scenarioId: string;
  name: string;
  from: string;
  to: string;
  adjustments: ScenarioAdjustments;
  queues: ScenarioQueueInputDto[];
  warnings: string[];
}
