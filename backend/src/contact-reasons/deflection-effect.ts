/* What a deflection scenario changes against the same forecast without it. Pure. */
import {
  DEFAULT_SHRINKAGE,
  productiveAgents,
  type ScenarioQueueInput,
  serviceLevelWithAgents,
} from '@peakplan/forecasting';

import type { ScenarioAdjustments, ScenarioResult } from '@peakplan/contracts';

export interface DeflectionEffect {
  poolHoursSaved: number;
  costSaved: number;
  serviceLevelGained: number | null;
}

/**
 * Pool hours and cost saved (without − with), and the service level gained when the heads planned
 * without deflection stay: per live interval, the service level of the deflected contacts with
 * `core + pool gap` of the plan without deflection, weighted by the deflected contacts, minus the
 * plan's own service level with the pool. Both results must carry their intervals, in the same order.
 */
export function deflectionEffect(
  without: ScenarioResult,
  withDeflection: ScenarioResult,
  queues: readonly ScenarioQueueInput[],
  adjustments: ScenarioAdjustments,
): DeflectionEffect {
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
  const shrinkage = adjustments.shrinkage ?? DEFAULT_SHRINKAGE;
  const ahtFactor = 1 + (adjustments.ahtChange ?? 0);
  const before = without.intervals ?? [];
  const after = withDeflection.intervals ?? [];
  let weighted = 0;
  let contacts = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const queue = queues.find((candidate) => candidate.name === after[i].queue);
    if (!queue || queue.kind !== 'live' || before[i].serviceLevelWithPool === null) continue;
    const heads = before[i].core + before[i].poolGap;
    const level = serviceLevelWithAgents(productiveAgents(heads, shrinkage), after[i].forecast, {
      intervalMinutes: queue.intervalMinutes,
      ahtSeconds: queue.ahtSeconds * ahtFactor,
      targetSeconds: adjustments.targetSeconds ?? queue.targetSeconds,
      concurrency: queue.concurrency,
      patienceSeconds: queue.patienceSeconds,
    });
    weighted += level * after[i].forecast;
    contacts += after[i].forecast;
  }
  const baseline = without.totals.serviceLevelWithPool;
  return {
    poolHoursSaved: round(without.totals.poolHours - withDeflection.totals.poolHours),
    costSaved: round(without.totals.cost - withDeflection.totals.cost),
    serviceLevelGained: contacts > 0 && baseline !== null ? round(weighted / contacts - baseline, 4) : null,
  };
}
