import { eventPresets, isoDateToDayNumber } from '../calendar';
import { toDenseSeries } from './daily-history';
import { generateDemoHistory } from './demo-history';
import { buildEventWindowIndex } from './event-window-index';
import {
  DEFAULT_REGRESSION_OPTIONS,
  fitRegression,
  fitRegressionAtOrigins,
  regressionLayoutFor,
} from './regression-model';

describe('fitRegressionAtOrigins', () => {
  it('matches one fitRegression per origin (incremental normal equations)', () => {
    const series = toDenseSeries(generateDemoHistory(5, '2023-01-02', 2 * 365));
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
    const series = toDenseSeries(generateDemoHistory(5, '2026-01-05', 10));
    const index = buildEventWindowIndex([], 2026, 2026);
    const layout = regressionLayoutFor(series, index, DEFAULT_REGRESSION_OPTIONS);
    expect(() =>
      fitRegression(series, series.startDay + 10, index, layout, DEFAULT_REGRESSION_OPTIONS, new Set(), true),
    ).toThrow(/at least 14 open days/);
  });
});
