import type { ScenarioTotals } from '@peakplan/contracts';

import { comparisonRows, hasNoCoreStaff, reconcileHours, toDayBarsData } from './scenario-figures';

function totals(partial: Partial<ScenarioTotals>): ScenarioTotals {
  return {
    contacts: 0,
    requiredHours: 0,
    scheduledHours: 0,
    coreHours: 0,
    poolHours: 0,
    coreCost: 0,
    poolCost: 0,
    cost: 0,
    serviceLevelWithoutPool: null,
    serviceLevelWithPool: null,
    intervalsWithGap: 0,
    ...partial,
  };
}

describe('reconcileHours', () => {
  it('splits scheduled hours into core used and pool gap, and names the core surplus', () => {
    // The example: scheduled 10,219 h beside core 2,160 h + pool 8,082 h.
    // core used = 10,219 − 8,082 = 2,137; surplus = 2,160 − 2,137 = 23.
    expect(reconcileHours({ scheduledHours: 10219, coreHours: 2160, poolHours: 8082 })).toEqual({
      scheduledHours: 10219,
      coreHours: 2160,
      coreUsedHours: 2137,
      coreSurplusHours: 23,
      poolHours: 8082,
    });
  });

  it('has no surplus when all core staff is used', () => {
    expect(reconcileHours({ scheduledHours: 100, coreHours: 60, poolHours: 40 }).coreSurplusHours).toBe(0);
  });
});

describe('toDayBarsData', () => {
  it('gives per day the core used, the pool gap and the required hours, in date order', () => {
    const data = toDayBarsData({
      name: 'Valentine +10%',
      days: [
        {
          date: '2027-02-14',
          ...totals({ scheduledHours: 50, coreHours: 30, poolHours: 20, requiredHours: 35 }),
        },
        {
          date: '2027-02-13',
          ...totals({ scheduledHours: 40, coreHours: 45, poolHours: 0, requiredHours: 28 }),
        },
      ],
    });
    expect(data).toEqual({
      title: 'Valentine +10%: agent hours per day',
      dates: ['2027-02-13', '2027-02-14'],
      coreUsedHours: [40, 30],
      poolHours: [0, 20],
      requiredHours: [28, 35],
    });
  });
});

describe('hasNoCoreStaff', () => {
  it('warns only when hours are scheduled and no core staff is there', () => {
    expect(hasNoCoreStaff({ totals: totals({ scheduledHours: 10, coreHours: 0 }) })).toBe(true);
    expect(hasNoCoreStaff({ totals: totals({ scheduledHours: 10, coreHours: 5 }) })).toBe(false);
    expect(hasNoCoreStaff({ totals: totals({}) })).toBe(false);
  });
});

describe('comparisonRows', () => {
  it('puts each figure side by side with its difference from the first scenario', () => {
    const rows = comparisonRows([
      { totals: totals({ poolHours: 100, cost: 5000, serviceLevelWithPool: 0.8 }) },
      { totals: totals({ poolHours: 130, cost: 6140, serviceLevelWithPool: null }) },
    ]);
    const pool = rows.find((row) => row.figure === 'poolHours')!;
    expect(pool.values).toEqual([100, 130]);
    expect(pool.differences).toEqual([null, 30]);
    expect(rows.find((row) => row.figure === 'cost')!.differences).toEqual([null, 1140]);
    expect(rows.find((row) => row.figure === 'serviceLevelWithPool')!.differences).toEqual([null, null]);
  });

  it('takes differences of the numbers as shown, so that each row reconciles on the page', () => {
    // The demo's Christmas 2025 and Mother's Day 2026 as the manager compared them: 30.825 and 10.581 hours
    // shown, the difference read -20.245 from the unrounded hours.
    const rows = comparisonRows([
      { totals: totals({ poolHours: 30825.4, serviceLevelWithPool: 0.89649 }) },
      { totals: totals({ poolHours: 10580.6, serviceLevelWithPool: 0.90151 }) },
    ]);
    expect(rows.find((row) => row.figure === 'poolHours')!.differences).toEqual([null, 10581 - 30825]);
    const serviceLevel = rows.find((row) => row.figure === 'serviceLevelWithPool')!.differences[1]!;
    expect(serviceLevel).toBeCloseTo(0.902 - 0.896, 10);
  });
});
