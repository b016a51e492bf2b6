import type { ForecastRunSummary } from '@peakplan/contracts';

import { addDays } from '../core/dates/date-range';

/**
 * The forecast a new scenario starts from, per queue: the latest completed run whose forecast still
 * reaches today or later. Runs of past peaks (the demo's reviews, last year's plans) forecast only
 * days gone by, and a scenario cannot combine them with today's. Sorted by queue name.
 */
export function currentRunPerQueue(runs: readonly ForecastRunSummary[], today: string): ForecastRunSummary[] {
  const latest = new Map<string, ForecastRunSummary>();
  for (const run of runs) {
    if (run.status !== 'completed') continue;
    if (addDays(run.forecastFrom, run.horizonDays - 1) < today) continue;
    const known = latest.get(run.queueId);
    if (!known || run.createdAt > known.createdAt) latest.set(run.queueId, run);
  }
  return [...latest.values()].sort((a, b) => a.queueName.localeCompare(b.queueName));
}
