import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runBacktest } from './backtest';
import { syntheticPhoneHistory } from '../demo/synthetic-phone-history';
import { parseHistoryCsv, selectQueueHistory } from './parse-history-csv';

describe('runBacktest on the seeded demo history (4 years, NL)', () => {
  const report = runBacktest(syntheticPhoneHistory(), { country: 'NL', leadDays: 28 });

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

describe('runBacktest on the retail-shaped fixture (level shifts, growing and weekday-dependent peaks)', () => {
  const retail = selectQueueHistory(
    parseHistoryCsv(readFileSync(join(__dirname, '../../fixtures/retail-daily.csv'), 'utf8')),
  );
  const report = runBacktest(retail.daily, { country: 'NL', leadDays: 28 });

  it('is at least 20% below the best baseline on peak-window WAPE, with honest bands', () => {
    // Measured: model 11.5% (12.0% before the persistent level shift was carried in full), seasonal
    // naive 24.6%, event uplift 18.0%: 35.8% below the best baseline (33.1% before); coverage 86.7%.
    const { model, seasonalNaive, eventUplift } = report.overall;
    expect(model.wape).toBeLessThan(0.8 * Math.min(seasonalNaive.wape, eventUplift.wape));
    expect(model.coverage).toBeGreaterThan(0.7);
    expect(model.coverage).toBeLessThan(0.95);
  });
  it('follows the −25% level shift of September 2024 into the Christmas peaks', () => {
    // Before, half the shift was carried: Black Friday, Sinterklaas and Christmas 2024 were 11–14% too high.
    const late2024 = report.windows.filter((w) => w.eventDate >= '2024-11-01' && w.eventDate <= '2024-12-31');
    expect(late2024).toHaveLength(3);
    for (const window of late2024) expect(Math.abs(window.model.bias)).toBeLessThan(0.08);
  });
});
