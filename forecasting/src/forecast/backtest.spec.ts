import { runBacktest } from './backtest';
import { generateDemoHistory } from './demo-history';

describe('runBacktest on the seeded demo history (4 years, NL)', () => {
  const report = runBacktest(generateDemoHistory(), { country: 'NL', leadDays: 28 });

  it('scores every past peak with a full year before it, model and both baselines', () => {
    // Peaks from Valentine's 2024 (first with a year of history) to Father's Day 2026: 15 windows.
    expect(report.windows.length).toBe(15);
    for (const window of report.windows)
      for (const metrics of [window.model, window.seasonalNaive, window.eventUplift]) {
        expect(Number.isFinite(metrics.wape) && Number.isFinite(metrics.mase)).toBe(true);
        expect(metrics.days).toBeGreaterThan(0);
      }
  });
  it('beats both baselines on peak-window WAPE with honest bands', () => {
    const { model, seasonalNaive, eventUplift } = report.overall;
    expect(model.wape).toBeLessThan(0.85 * Math.min(seasonalNaive.wape, eventUplift.wape));
    expect(model.coverage).toBeGreaterThan(0.65);
    expect(model.coverage).toBeLessThan(0.95);
    expect(report.verdict).toMatch(/model beats/);
  });
});
