import type { ForecastRunDetail } from '@peakplan/contracts';

import { modelReasonText } from './model-reason';

type Run = Pick<ForecastRunDetail, 'modelReason' | 'parameters'>;

const run = (
  peakWape: { regression: number; seasonalNaive: number; eventUplift: number; chosen: number } | null,
  weights: Record<string, number> = { model: 0.9, naive: 0.1, uplift: 0 },
): Run =>
  ({
    modelReason: 'lowest peak-window WAPE over 12 past peak backtests: … 9.0% vs regression 9.2%, …',
    parameters: {
      selection: { name: 'combination(regression 0.9, seasonal-naive 0.1)', reason: '', weights, peakWape },
    },
  }) as unknown as Run;

describe('modelReasonText', () => {
  it("writes the selection's peak scores in the organisation's locale and says what they score", () => {
    // The demo's phone queue: 9.0% with today's weights, the regression alone 9.2%.
    const text = modelReasonText(
      run({ regression: 0.092, seasonalNaive: 0.149, eventUplift: 0.16, chosen: 0.09 }),
      'nl-NL',
    );
    expect(text).toBe(
      'the lowest WAPE on past peak windows with the weights used now: combination(regression 0.9, seasonal-naive 0.1) 9,0%, ' +
        "against regression 9,2%, seasonal naive 14,9% and last year's uplift 16,0%. " +
        'The backtest below scores each past peak with the weights chosen before it.',
    );
  });

  it('says when a baseline is used instead of the regression', () => {
    const text = modelReasonText(
      run(
        { regression: 0.2, seasonalNaive: 0.1, eventUplift: 0.15, chosen: 0.1 },
        { model: 0, naive: 1, uplift: 0 },
      ),
      'en-GB',
    );
    expect(text).toContain('seasonal naive 10.0%');
    expect(text).toContain('a baseline beats the regression on this queue');
  });

  it("keeps the engine's sentence when there was no peak to score", () => {
    const short = {
      modelReason: 'history shorter than a year: …',
      parameters: { selection: { name: 'regression', reason: '', weights: {}, peakWape: null } },
    } as unknown as Run;
    expect(modelReasonText(short, 'nl-NL')).toBe('history shorter than a year: …');
    expect(modelReasonText({ modelReason: null, parameters: null } as unknown as Run)).toBeNull();
  });
});
