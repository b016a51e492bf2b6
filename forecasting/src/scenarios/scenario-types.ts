/* The inputs and the result of a scenario computation. Plain data that survives JSON (the dashboard
 * fetches the inputs and recomputes in a Web Worker): arrays may be typed arrays on the server and plain
 * arrays in the browser. The API contracts (`ScenarioAdjustments`, `ScenarioResult`) have the same shape;
 * the library does not import them, the compiler checks the backend's assignments between the two. */
import type { ScenarioCache } from './scenario-cache';

/** Core staff present (before shrinkage) on these weekdays between two wall-clock times. */
export interface CoreStaffPatternInput {
  /** Queue name or id; all queues when left out. */
  queue?: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: readonly number[];
  /** `HH:MM`; `to` may be `24:00`. */
  from: string;
  to: string;
  agents: number;
}

/** The what-if adjustments; every one optional (the defaults are the DEFAULT_ constants). */
export interface ScenarioAdjustmentsInput {
  volumeUplift?: number;
  eventUplift?: Readonly<Record<string, number>>;
  deflection?: Readonly<Record<string, number>>;
  ahtChange?: number;
  serviceLevel?: number;
  targetSeconds?: number;
  shrinkage?: number;
  maxOccupancy?: number;
  coreStaff?: readonly CoreStaffPatternInput[];
  coreHourlyCost?: number;
  poolHourlyCost?: number;
}

/** One queue's forecast over the scenario's period, with its settings. */
export interface ScenarioQueueInput {
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
  reasonShares: Readonly<Record<string, number>>;
  /**
   * The reason mix of each forecast day (by local date), from the same place in past event windows;
   * days not in it use `reasonShares`.
   */
  reasonSharesByDate?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Interval starts in the organisation's zone with offset, in time order. */
  starts: readonly string[];
  localDates: readonly string[];
  /** 0 = Sunday … 6 = Saturday, local. */
  weekdays: ArrayLike<number>;
  /** Minutes since local midnight. */
  localMinutes: ArrayLike<number>;
  p50: ArrayLike<number>;
  /** Event keys of each interval's day. */
  events: readonly (readonly string[])[];
  /** Whether each interval's day is closed (forecast 0): a deferred queue does no work then either. */
  closed?: ArrayLike<boolean>;
  /**
   * Core staff uploaded for each interval, −1 where none was uploaded; left out when the queue has no
   * upload in the period. An uploaded value replaces the weekly patterns for its interval.
   */
  uploadedCore?: ArrayLike<number>;
}

export interface ScenarioTotalsOutput {
  contacts: number;
  requiredHours: number;
  scheduledHours: number;
  coreHours: number;
  poolHours: number;
  coreCost: number;
  poolCost: number;
  cost: number;
  /** Contact-weighted over the live queues; null without live contacts. */
  serviceLevelWithoutPool: number | null;
  serviceLevelWithPool: number | null;
  intervalsWithGap: number;
}

export interface ScenarioIntervalOutput {
  queue: string;
  start: string;
  forecast: number;
  /** Productive agents needed. */
  required: number;
  /** After shrinkage. */
  scheduled: number;
  core: number;
  /** max(0, scheduled − core). */
  poolGap: number;
  serviceLevelWithoutPool: number | null;
  serviceLevelWithPool: number | null;
  serviceLevelSteps?: number[];
}

export interface ScenarioComputation {
  scenarioId: string;
  name: string;
  from: string;
  to: string;
  totals: ScenarioTotalsOutput;
  queues: ({ queue: string; kind: 'live' | 'deferred' } & ScenarioTotalsOutput)[];
  days: ({ date: string } & ScenarioTotalsOutput)[];
  intervals?: ScenarioIntervalOutput[];
  warnings: string[];
}

export interface ComputeScenarioOptions {
  /** Per-interval rows in the result (default true). */
  intervals?: boolean;
  /** Each live interval also gets its service level per added pool agent (the roster allocation). */
  serviceLevelSteps?: boolean;
  /**
   * Kept between computations of the same queues (`createScenarioCache`): staffing and service levels
   * whose inputs did not change are reused, with the same numbers.
   */
  cache?: ScenarioCache;
}

export const DEFAULT_SHRINKAGE = 0.3;
export const DEFAULT_MAX_OCCUPANCY = 0.85;
export const DEFAULT_CORE_HOURLY_COST = 32;
export const DEFAULT_POOL_HOURLY_COST = 38;
