import type { HindsightSettings } from '@peakplan/contracts';

import { combinedTotals, hindsightStaffing, type HindsightQueueInput } from './hindsight-staffing';

/*
 * Hand-derived Erlang C values for A = 100 calls × 180 s / 1800 s = 10 Erlangs, target 20 s
 * (the pyworkforce / callcentrehelper.com worked example: 14 agents reach 80%):
 *   Erlang B by recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1, then C = N·B / (N − A·(1 − B)),
 *   SL = 1 − C·e^(−(N−A)·20/180):
 *   N = 12: B = 0.1197, C = 0.4494, e^(−2·20/180) = 0.8007, SL = 0.6402 (13 would give 0.7956 < 0.8)
 *   N = 14: B = 0.0568, C = 0.1741, e^(−4·20/180) = 0.6412, SL = 0.8884  → 14 needed
 *   N = 16: B = 0.0223, C = 0.0573, e^(−6·20/180) = 0.5134, SL = 0.9706
 * The 85% occupancy cap asks only ⌈10 / 0.85⌉ = 12, so the service target binds at 14.
 */
const phone: HindsightSettings = {
  serviceLevel: 0.8,
  targetSeconds: 20,
  shrinkage: 0,
  maxOccupancy: 0.85,
  patienceSeconds: null,
  concurrency: 1,
  queueAhtSeconds: 180,
};

function liveInput(overrides: Partial<HindsightQueueInput>): HindsightQueueInput {
  const n = overrides.starts?.length ?? 1;
  return {
    kind: 'live',
    intervalMinutes: 30,
    settings: phone,
    starts: ['2026-02-14T10:00:00+01:00'],
    localDates: ['2026-02-14'],
    actual: [100],
    actualAhtSeconds: [180],
    abandoned: Array(n).fill(null),
    scheduled: [12],
    planForecast: Array(n).fill(null),
    band: Array(n).fill(null),
    ...overrides,
  };
}

describe('hindsightStaffing', () => {
  it('counts 14 needed against 12 rostered as one hour under-staffed in a 30-minute interval', () => {
    const result = hindsightStaffing(liveInput({}));
    expect(result.intervals[0]).toMatchObject({
      needed: 14,
      neededScheduled: 14,
      scheduled: 12,
      underStaffedHours: 1, // (14 − 12) agents × 0.5 h
      overStaffedHours: 0,
      serviceLevelReached: 0.6402, // Erlang C with N = 12, above
      ahtFromQueue: false,
    });
    expect(result.totals).toMatchObject({ neededHours: 7, scheduledHours: 6, underStaffedHours: 1 });
  });

  it('adds up over- and under-staffing, falls back to the queue AHT and weights the service level by contacts', () => {
    const result = hindsightStaffing(
      liveInput({
        starts: [
          '2026-02-13T10:00:00+01:00',
          '2026-02-13T10:30:00+01:00',
          '2026-02-14T10:00:00+01:00',
          '2026-02-14T10:30:00+01:00',
        ],
        localDates: ['2026-02-13', '2026-02-13', '2026-02-14', '2026-02-14'],
        actual: [100, 100, 0, 100],
        // the second interval has no AHT in the history: the queue's 180 s is used
        actualAhtSeconds: [180, null, null, 180],
        abandoned: [5, null, 0, 10],
        // the last interval lies outside the plan
        scheduled: [12, 16, 2, null],
        planForecast: [90, 110, 3, null],
      }),
    );
    expect(result.intervals.map((row) => row.needed)).toEqual([14, 14, 0, 14]);
    expect(result.intervals.map((row) => row.overStaffedHours)).toEqual([0, 1, 1, null]);
    expect(result.intervals.map((row) => row.underStaffedHours)).toEqual([1, 0, 0, null]);
    expect(result.intervals[1]).toMatchObject({
      ahtFromQueue: true,
      ahtSeconds: 180,
      serviceLevelReached: 0.9706,
    });
    expect(result.intervals[3].serviceLevelReached).toBeNull();
    expect(result.totals).toEqual({
      actual: 300,
      planForecast: 203, // 90 + 110 + 3 (planned intervals only)
      neededHours: 21, // (14 + 14 + 0 + 14) × 0.5
      neededProductiveHours: 21,
      scheduledHours: 15, // (12 + 16 + 2) × 0.5
      overStaffedHours: 2,
      underStaffedHours: 1,
      intervalsOverStaffed: 2,
      intervalsUnderStaffed: 1,
      plannedIntervals: 3,
      intervals: 4,
      serviceLevelReached: 0.8054, // (0.6402 × 100 + 0.9706 × 100) / 200, unrounded 0.80536
      abandonedShare: 0.075, // (5 + 0 + 10) / (100 + 0 + 100)
    });
    expect(result.days.map((day) => [day.date, day.overStaffedHours, day.underStaffedHours])).toEqual([
      ['2026-02-13', 1, 1],
      ['2026-02-14', 1, 0],
    ]);
    // the second day's only planned interval had no contacts: no service level to weight
    expect(result.days[1].serviceLevelReached).toBeNull();
  });

  it('compares heads to roster after shrinkage, and estimates the service level of the productive heads', () => {
    // callcentrehelper.com: 14 productive at 30% shrinkage → ⌈14 / 0.7⌉ = 20 to schedule;
    // 20 rostered keep ⌊20 × 0.7⌋ = 14 productive → SL 0.8884 (N = 14 above).
    const result = hindsightStaffing(liveInput({ settings: { ...phone, shrinkage: 0.3 }, scheduled: [20] }));
    expect(result.intervals[0]).toMatchObject({
      needed: 14,
      neededScheduled: 20,
      overStaffedHours: 0,
      underStaffedHours: 0,
      serviceLevelReached: 0.8884,
    });
    expect(result.totals.neededProductiveHours).toBe(7);
    expect(result.totals.neededHours).toBe(10);
  });

  it('staffs a deferred queue on the actual workload, moving work up to its response time', () => {
    // 12 one-hour contacts arrive at 08:00 and are due within 4 h: 12 agent-hours in 4 hours needs at
    // least 3 agents; first-in-first-out at 3 leaves a backlog of 9, 6, 3, 0 → 3 agents every hour.
    // The history gives 6 contacts of 2 h (the same 12 agent-hours): the workload is what counts.
    const starts = ['08:00', '09:00', '10:00', '11:00'].map((time) => `2026-02-14T${time}:00+01:00`);
    const result = hindsightStaffing({
      kind: 'deferred',
      intervalMinutes: 60,
      settings: {
        ...phone,
        targetSeconds: 4 * 3600,
        serviceLevel: 1,
        maxOccupancy: 1,
        queueAhtSeconds: 3600,
      },
      starts,
      localDates: starts.map(() => '2026-02-14'),
      actual: [6, 0, 0, 0],
      actualAhtSeconds: [7200, null, null, null],
      abandoned: [null, null, null, null],
      scheduled: [4, 4, 0, 0],
      planForecast: [null, null, null, null],
      band: [null, null, null, null],
    });
    expect(result.intervals.map((row) => row.needed)).toEqual([3, 3, 3, 3]);
    expect(result.totals).toMatchObject({
      overStaffedHours: 2, // 1 + 1 at 08:00 and 09:00
      underStaffedHours: 6, // 3 + 3 at 10:00 and 11:00
      serviceLevelReached: null,
      abandonedShare: null,
    });
  });

  it('adds queues up without rounding twice', () => {
    const one = hindsightStaffing(liveInput({}));
    const two = hindsightStaffing(liveInput({ scheduled: [16] }));
    expect(combinedTotals([one, two])).toMatchObject({
      actual: 200,
      overStaffedHours: 1,
      underStaffedHours: 1,
      serviceLevelReached: 0.8054,
    });
  });

  it('names the column that does not match the intervals', () => {
    expect(() => hindsightStaffing(liveInput({ scheduled: [12, 12] }))).toThrow(/scheduled/);
  });
});
