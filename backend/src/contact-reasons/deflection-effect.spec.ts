import type { ScenarioResult, ScenarioTotals } from '@peakplan/contracts';

import type { ScenarioQueueInput } from '@peakplan/forecasting';
import { deflectionEffect } from './deflection-effect';

function totals(poolHours: number, cost: number, serviceLevelWithPool: number): ScenarioTotals {
  return {
    contacts: 0,
    requiredHours: 0,
    scheduledHours: 0,
    coreHours: 0,
    poolHours,
    coreCost: 0,
    poolCost: cost,
    cost,
    serviceLevelWithoutPool: 0,
    serviceLevelWithPool,
    intervalsWithGap: 1,
  };
}

function result(forecast: number, poolGap: number, total: ScenarioTotals): ScenarioResult {
  return {
    scenarioId: 's',
    name: 's',
    from: '2027-02-13',
    to: '2027-02-13',
    totals: total,
    queues: [],
    days: [],
    intervals: [
      {
        queue: 'phone',
        start: '2027-02-13T10:00:00+01:00',
        forecast,
        required: 0,
        scheduled: poolGap,
        core: 0,
        poolGap,
        serviceLevelWithoutPool: 0,
        serviceLevelWithPool: total.serviceLevelWithPool,
      },
    ],
    warnings: [],
  };
}

describe('deflectionEffect', () => {
  it('keeps the heads planned without deflection and measures the deflected contacts with them', () => {
    // 20 heads scheduled, 30% shrinkage → ⌊20 · 0.7⌋ = 14 agents on the phone. Deflected to 100 calls
    // in 30 minutes at AHT 180 s, 20 s target: the pyworkforce README's Erlang C example, 14 agents →
    // 0.88835 (service-level-with-agents.spec.ts pins it). Against the plan's 80%: +8.835 points.
    const queue = {
      name: 'phone',
      kind: 'live',
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetSeconds: 20,
      concurrency: 1,
      patienceSeconds: null,
    } as ScenarioQueueInput;
    const effect = deflectionEffect(
      result(125, 20, totals(10, 380, 0.8)),
      result(100, 16, totals(8, 304, 0.8)),
      [queue],
      { shrinkage: 0.3 },
    );
    expect(effect.poolHoursSaved).toBe(2);
    expect(effect.costSaved).toBe(76);
    expect(effect.serviceLevelGained).toBeCloseTo(0.08835, 3);
  });
});
