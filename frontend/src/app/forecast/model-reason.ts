import type { ForecastRunDetail } from '@peakplan/contracts';

import { formatPercent } from '../core/format/organisation-format';

/**
 * "Why this model" in the organisation's locale, from the run's selection: the weights the run uses,
 * scored on every past peak window. The backtest table's "Chosen model" row is another figure: there
 * each past peak is forecast with the weights the peaks before it would have chosen (what a planner
 * would have had then), so it usually reads higher. Without a peak score (too few past peaks, a short
 * history) the engine's own sentence.
 * @example modelReasonText(run, 'nl-NL') // 'the lowest WAPE on past peak windows with the weights used now: …'
 */
export function modelReasonText(
  run: Pick<ForecastRunDetail, 'modelReason' | 'parameters'>,
  locale?: string,
): string | null {
  const selection = run.parameters?.selection;
  const wape = selection?.peakWape;
  if (!selection || !wape) return run.modelReason ?? null;
  const percent = (share: number) => formatPercent(share, 1, locale);
  const baselineWins = (selection.weights['model'] ?? 1) === 0;
  return (
    `the lowest WAPE on past peak windows with the weights used now: ${selection.name} ${percent(wape.chosen)}, ` +
    `against regression ${percent(wape.regression)}, seasonal naive ${percent(wape.seasonalNaive)} ` +
    `and last year's uplift ${percent(wape.eventUplift)}` +
    (baselineWins ? '; a baseline beats the regression on this queue, so the baseline is used' : '') +
    '. The backtest below scores each past peak with the weights chosen before it.'
  );
}
