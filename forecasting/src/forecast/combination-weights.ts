import type { BacktestRun } from './backtest-runs';
import { combineAt, type CombinationWeights } from './component-forecasts';

/** The combination chosen for a queue, and the evidence for it. */
export interface CombinationChoice {
  weights: CombinationWeights;
  /** `regression`, `seasonal-naive`, `event-uplift` or `combination(...)`. */
  name: string;
  reason: string;
  /** Peak-window WAPE in the backtests of each pure candidate and of the chosen weights. */
  peakWape: { regression: number; seasonalNaive: number; eventUplift: number; chosen: number } | null;
  peakRuns: number;
}

/** Used until enough past peaks are backtested: mostly regression, some of last year’s uplift (a fixed blend, as in M4). */
export const DEFAULT_WEIGHTS: CombinationWeights = { model: 0.7, naive: 0, uplift: 0.3 };

/** Fewer past peaks than this and the weights would follow noise: keep the default blend. */
export const MINIMUM_PEAK_RUNS = 4;

/** A readable name for a set of weights. */
export function combinationName(weights: CombinationWeights): string {
  if (weights.model === 1) return 'regression';
  if (weights.naive === 1) return 'seasonal-naive';
  if (weights.uplift === 1) return 'event-uplift';
  const parts: string[] = [];
  if (weights.model > 0) parts.push(`regression ${weights.model.toFixed(1)}`);
  if (weights.naive > 0) parts.push(`seasonal-naive ${weights.naive.toFixed(1)}`);
  if (weights.uplift > 0) parts.push(`event-uplift ${weights.uplift.toFixed(1)}`);
  return `combination(${parts.join(', ')})`;
}

/**
 * Chooses the weights of regression, seasonal naive and event-uplift baseline (grid of step 0.1 on
 * the simplex) that minimise WAPE on the scored event-window days of the peak backtests finished
 * before `cutoff` (day number). Combinations beat single models on average in the M4 competition
 * (Makridakis et al. 2020); the grid lets a baseline win outright when it is better on this queue.
 */
export function chooseCombinationWeights(runs: readonly BacktestRun[], cutoff = Infinity): CombinationChoice {
  const peakRuns = runs.filter((run) => run.kind === 'peak' && run.days[run.days.length - 1] < cutoff);
  const scored: { run: BacktestRun; i: number }[] = [];
  for (const run of peakRuns)
    run.scored.forEach((isScored, i) => {
      if (isScored && !Number.isNaN(run.naive[i]) && !Number.isNaN(run.uplift[i])) scored.push({ run, i });
    });
  const actualTotal = scored.reduce((sum, { run, i }) => sum + run.actual[i], 0);
  if (peakRuns.length < MINIMUM_PEAK_RUNS || actualTotal <= 0)
    return {
      weights: DEFAULT_WEIGHTS,
      name: combinationName(DEFAULT_WEIGHTS),
      reason: `only ${peakRuns.length} past peak window(s) backtested (fewer than ${MINIMUM_PEAK_RUNS}); using the default ${combinationName(DEFAULT_WEIGHTS)}`,
      peakWape: null,
      peakRuns: peakRuns.length,
    };
  const wapeOf = (weights: CombinationWeights): number =>
    scored.reduce((sum, { run, i }) => sum + Math.abs(run.actual[i] - combineAt(run, weights, i)), 0) /
    actualTotal;
  let best: CombinationWeights = { model: 1, naive: 0, uplift: 0 };
  let bestWape = wapeOf(best);
  for (let m = 10; m >= 0; m--)
    for (let n = 0; n <= 10 - m; n++) {
      const weights = { model: m / 10, naive: n / 10, uplift: (10 - m - n) / 10 };
      const score = wapeOf(weights);
      if (score < bestWape - 1e-12) [best, bestWape] = [weights, score];
    }
  const peakWape = {
    regression: wapeOf({ model: 1, naive: 0, uplift: 0 }),
    seasonalNaive: wapeOf({ model: 0, naive: 1, uplift: 0 }),
    eventUplift: wapeOf({ model: 0, naive: 0, uplift: 1 }),
    chosen: bestWape,
  };
  const name = combinationName(best);
  const reason =
    `lowest peak-window WAPE over ${peakRuns.length} past peak backtests: ${name} ${(bestWape * 100).toFixed(1)}% ` +
    `vs regression ${(peakWape.regression * 100).toFixed(1)}%, seasonal naive ${(peakWape.seasonalNaive * 100).toFixed(1)}%, ` +
    `event uplift ${(peakWape.eventUplift * 100).toFixed(1)}%` +
    (best.model === 0 ? ' — a baseline beats the regression on this queue, so the baseline is used' : '');
  return { weights: best, name, reason, peakWape, peakRuns: peakRuns.length };
}
