/* Forecast against actual in hindsight, for managers: what the actual contacts would have needed
 * against what was rostered, and the post-peak summary per event and year. */
import type { AccuracyMetricsDto } from './accuracy.contract';
import type { PeakQualityDto } from './contact-reasons.contract';

/**
 * One queue in one interval, in hindsight.
 *
 * `neededScheduled` and `scheduled` are both heads to roster (before shrinkage), so
 * over/under-staffing compares like with like: `scheduled − neededScheduled`, times the interval length.
 */
export interface HindsightIntervalDto {
  /** Local start with its offset, e.g. `2026-02-14T10:00:00+01:00`. */
  start: string;
  /** Contacts offered (contact history). */
  actual: number;
  /** Actual AHT of the interval (handled-weighted over contact reasons), or the queue's AHT when missing. */
  ahtSeconds: number;
  ahtFromQueue: boolean;
  /** The forecast run's band for the interval, null where the run has none. */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** The plan scenario's forecast (P50 after its adjustments), null outside the plan. */
  planForecast: number | null;
  /** Productive agents the actual contacts would have needed (same staffing engine and settings as the plan). */
  needed: number;
  /** `needed` after shrinkage: heads to roster. */
  neededScheduled: number;
  /** Heads rostered by the plan scenario: core + pool gap; null outside the plan. */
  scheduled: number | null;
  overStaffedHours: number | null;
  underStaffedHours: number | null;
  /**
   * Estimated service level reached (live queues): see {@link HindsightTotals.serviceLevelReached}.
   * Null for deferred queues and outside the plan.
   */
  serviceLevelReached: number | null;
}

export interface HindsightTotals {
  /** Contacts offered. */
  actual: number;
  /** The plan scenario's forecast over the same intervals (planned intervals only), or null. */
  planForecast: number | null;
  /** Heads-to-roster hours the actual contacts would have needed. */
  neededHours: number;
  /** Productive hours the actual contacts would have needed. */
  neededProductiveHours: number;
  /** Hours rostered by the plan (core + pool gap), planned intervals only. */
  scheduledHours: number | null;
  overStaffedHours: number | null;
  underStaffedHours: number | null;
  intervalsOverStaffed: number;
  intervalsUnderStaffed: number;
  /** Intervals with a rostered number from the plan. */
  plannedIntervals: number;
  intervals: number;
  /**
   * An ESTIMATE, not a measurement: the history has no answered-within-target column. Per live
   * interval, the Erlang C service level (Erlang A where the queue has a patience) of the productive
   * heads rostered, `⌊scheduled · (1 − shrinkage)⌋`, with the actual contacts and actual AHT (AHT
   * divided by the chat concurrency); weighted by the actual contacts over the planned intervals.
   * Null for deferred queues, or without planned intervals with contacts.
   */
  serviceLevelReached: number | null;
  /** Observed: Σ abandoned / Σ offered where the history gives abandoned, else null. */
  abandonedShare: number | null;
}

/** The settings the hindsight staffing used: the plan scenario's, else the queue's and the defaults. */
export interface HindsightSettings {
  serviceLevel: number;
  targetSeconds: number;
  shrinkage: number;
  maxOccupancy: number;
  patienceSeconds: number | null;
  concurrency: number;
  /** The queue's AHT, used where an interval has no actual AHT. */
  queueAhtSeconds: number;
}

/** One queue over the review period. */
export interface HindsightQueueDto {
  queueId: string;
  queue: string;
  kind: 'live' | 'deferred';
  intervalMinutes: number;
  settings: HindsightSettings;
  /** The plan scenario whose roster is compared, when it holds this queue and overlaps the period. */
  planScenarioId: string | null;
  /** The forecast run scored: the plan's run when the plan covers the whole period, else the latest completed run made before it whose horizon covers it. */
  forecastRunId: string | null;
  /** Why that run (or why none). */
  forecastRunReason: string;
  /** Forecast against actual over the period (days with actuals): WAPE, bias, MASE, P10–P90 coverage. */
  accuracy: { days: AccuracyMetricsDto; intervals: AccuracyMetricsDto } | null;
  /** Days of the period without any interval actuals (left out of the hindsight). */
  daysWithoutActuals: string[];
  totals: HindsightTotals;
  days: ({ date: string } & HindsightTotals)[];
  intervals?: HindsightIntervalDto[];
}

/** `GET /api/peak-reviews/hindsight?from=&to=`: every queue (or one) over a period. */
export interface HindsightReport {
  from: string;
  to: string;
  computedAt: string;
  planScenarioId: string | null;
  planScenarioName: string | null;
  /** Over all queues: hours add up; the service level is contact-weighted over live queues. */
  totals: HindsightTotals;
  queues: HindsightQueueDto[];
  warnings: string[];
}

/** `GET /api/peak-reviews/{event}/{year}`: the post-peak summary of one event window. */
export interface PeakReviewDto extends HindsightReport {
  event: string;
  eventName: string;
  year: number;
  /** The event's date(s) that year; the window is `from..to` around them. */
  eventDates: string[];
  /** `stored` by the accuracy-snapshot job after the window ended, or `computed` at this request. */
  source: 'stored' | 'computed';
  /** False while the window has not ended yet (computed on partial actuals). */
  complete: boolean;
  /**
   * The answer's quality per queue that measured it (repeat, transfer, NPS, CSAT), in the window against
   * the 8 ordinary weeks before it, for the queue and per contact reason; read at request time.
   */
  quality?: PeakReviewQualityDto[];
  /**
   * The plainest baseline on the same window, per queue, beside the forecast's accuracy: each day's
   * contacts forecast as those of the same weekday 52 weeks before (daily WAPE and bias over the
   * window's days with actuals on both); read at request time, null where last year has no days.
   */
  baselines?: { queueId: string; sameWeekdayLastYear: { wape: number; bias: number; days: number } | null }[];
}

/** One queue's quality at a peak against ordinary weeks. */
export interface PeakReviewQualityDto extends PeakQualityDto {
  queueId: string;
  queue: string;
  reasons: (PeakQualityDto & { reason: string })[];
}

/** `GET /api/peak-reviews`: the stored reviews, newest window first, without the interval rows. */
export interface PeakReviewSummaryDto {
  id: string;
  event: string;
  eventName: string;
  year: number;
  from: string;
  to: string;
  computedAt: string;
  queues: string[];
  totals: HindsightTotals;
}
