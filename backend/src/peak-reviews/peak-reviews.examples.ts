/* OpenAPI examples for the peak-review routes. */
import type { HindsightTotals, PeakReviewSummaryDto } from '@peakplan/contracts';

const TOTALS_EXAMPLE: HindsightTotals = {
  actual: 41250,
  planForecast: 39800.5,
  neededHours: 2140.5,
  neededProductiveHours: 1498.25,
  scheduledHours: 2096,
  overStaffedHours: 131.25,
  underStaffedHours: 175.75,
  intervalsOverStaffed: 212,
  intervalsUnderStaffed: 264,
  plannedIntervals: 1152,
  intervals: 1152,
  serviceLevelReached: 0.7812,
  abandonedShare: 0.0431,
};

const QUEUE_EXAMPLE = {
  queueId: '4f1c2a9e-7d2b-4c1e-9a55-0b6f3e2d1c10',
  queue: 'phone',
  kind: 'live',
  intervalMinutes: 15,
  settings: {
    serviceLevel: 0.8,
    targetSeconds: 20,
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    patienceSeconds: 120,
    concurrency: 1,
    queueAhtSeconds: 300,
  },
  planScenarioId: '9b0e8c1d-2f3a-4b5c-8d7e-6f5a4b3c2d1e',
  forecastRunId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
  forecastRunReason: 'the run of the plan scenario "Busy Valentine", which covers the period',
  accuracy: {
    days: {
      wape: 0.0812,
      bias: -0.0349,
      mase: 0.41,
      coverage: 0.8333,
      forecast: 39800.5,
      actual: 41250,
      points: 12,
    },
    intervals: {
      wape: 0.1733,
      bias: -0.0349,
      mase: null,
      coverage: 0.79,
      forecast: 39800.5,
      actual: 41250,
      points: 1152,
    },
  },
  daysWithoutActuals: [],
  totals: TOTALS_EXAMPLE,
  days: [{ date: '2026-02-14', ...TOTALS_EXAMPLE }],
  intervals: [
    {
      start: '2026-02-14T10:00:00+01:00',
      actual: 164,
      ahtSeconds: 296.4,
      ahtFromQueue: false,
      p10: 121.3,
      p50: 142.8,
      p90: 166.1,
      planForecast: 178.5,
      needed: 60,
      neededScheduled: 86,
      scheduled: 80,
      overStaffedHours: 0,
      underStaffedHours: 1.5,
      serviceLevelReached: 0.7243,
    },
  ],
};

export const HINDSIGHT_EXAMPLE = {
  from: '2026-02-04',
  to: '2026-02-15',
  computedAt: '2026-02-17T03:00:12Z',
  planScenarioId: '9b0e8c1d-2f3a-4b5c-8d7e-6f5a4b3c2d1e',
  planScenarioName: 'Busy Valentine',
  totals: TOTALS_EXAMPLE,
  queues: [QUEUE_EXAMPLE],
  warnings: [],
};

export const REVIEW_EXAMPLE = {
  ...HINDSIGHT_EXAMPLE,
  event: 'valentines',
  eventName: "Valentine's Day",
  year: 2026,
  eventDates: ['2026-02-14'],
  source: 'stored',
  complete: true,
};

/** The stored reviews, totals only. */
export const REVIEW_LIST_EXAMPLE: PeakReviewSummaryDto[] = [
  {
    id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
    event: 'valentines',
    eventName: "Valentine's Day",
    year: 2026,
    from: '2026-02-04',
    to: '2026-02-15',
    computedAt: '2026-02-17T03:00:12Z',
    queues: ['chat', 'email', 'phone'],
    totals: TOTALS_EXAMPLE,
  },
];
