import { eventPresets, isoDateToDayNumber } from '../calendar';
import { toDenseSeries } from './daily-history';
import { syntheticPhoneHistory } from '../demo/synthetic-phone-history';
import { buildEventWindowIndex } from './event-window-index';
import {
  carriedLevel,
  DEFAULT_REGRESSION_OPTIONS,
  fitRegression,
  fitRegressionAtOrigins,
  regressionLayoutFor,
} from './regression-model';

describe('fitRegressionAtOrigins', () => {
  it('matches one fitRegression per origin (incremental normal equations)', () => {
    const series = toDenseSeries(syntheticPhoneHistory(5, '2023-01-02', 2 * 365));
    const index = buildEventWindowIndex(eventPresets('NL'), 2022, 2026, 'NL');
    const layout = regressionLayoutFor(series, index, DEFAULT_REGRESSION_OPTIONS);
    const excluded = new Set<number>();
    const origins = ['2024-06-01', '2024-02-01', '2024-11-15'].map((date) => isoDateToDayNumber(date));
    const fits = fitRegressionAtOrigins(series, origins, index, layout, DEFAULT_REGRESSION_OPTIONS, excluded);
    origins.forEach((origin, k) => {
      const single = fitRegression(
        series,
        origin,
        index,
        layout,
        DEFAULT_REGRESSION_OPTIONS,
        excluded,
        false,
      );
      single.coefficients.forEach((value, j) => expect(fits[k].coefficients[j]).toBeCloseTo(value, 8));
      expect(fits[k].levelShift).toBeCloseTo(single.levelShift, 8);
    });
  });
  it('needs two weeks of open days', () => {
    const series = toDenseSeries(syntheticPhoneHistory(5, '2026-01-05', 10));
    const index = buildEventWindowIndex([], 2026, 2026);
    const layout = regressionLayoutFor(series, index, DEFAULT_REGRESSION_OPTIONS);
    expect(() =>
      fitRegression(series, series.startDay + 10, index, layout, DEFAULT_REGRESSION_OPTIONS, new Set(), true),
    ).toThrow(/at least 14 open days/);
  });
});

describe('carriedLevel', () => {
  const days = (value: number, count = 28) => new Array<number>(count).fill(value);
  it('carries a level shift that has lasted two months in full', () => {
    // Both months' median residuals −0.3 and −0.25 are negative and at least 0.05: persistent, weight 1.
    expect(carriedLevel(days(-0.3), days(-0.25), DEFAULT_REGRESSION_OPTIONS)).toBeCloseTo(-0.3, 12);
  });
  it('carries half of a swing that is new, small or changed sign', () => {
    // New (earlier month ~0), small (0.03 < 0.05), sign change: weight 0.5 → 0.5 × recent median.
    expect(carriedLevel(days(-0.3), days(0), DEFAULT_REGRESSION_OPTIONS)).toBeCloseTo(-0.15, 12);
    expect(carriedLevel(days(0.03), days(0.2), DEFAULT_REGRESSION_OPTIONS)).toBeCloseTo(0.015, 12);
    expect(carriedLevel(days(0.2), days(-0.2), DEFAULT_REGRESSION_OPTIONS)).toBeCloseTo(0.1, 12);
    // Too few earlier days (6 < 7) count as no earlier month.
    expect(carriedLevel(days(0.2), days(0.2, 6), DEFAULT_REGRESSION_OPTIONS)).toBeCloseTo(0.1, 12);
  });
  it('carries nothing with fewer than 7 recent days', () => {
    expect(carriedLevel(days(0.4, 6), days(0.4), DEFAULT_REGRESSION_OPTIONS)).toBe(0);
  });
});
