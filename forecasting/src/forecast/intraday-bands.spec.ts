import { conformalErrorBand, expectedCoverageErrorBand } from './error-band';
import {
  calibrateIntradayBands,
  dayTotalBand,
  errorsBefore,
  intervalBand,
  type DayErrors,
  type IntradayBandTable,
} from './intraday-bands';

describe('expectedCoverageErrorBand', () => {
  it('takes the order statistics at 0.1·(n + 1) and 0.9·(n + 1), interpolated', () => {
    // 14 errors −0.7, −0.6, …, 0.6: positions 0.1·15 = 1.5 and 0.9·15 = 13.5, so halfway between
    // X(1) = −0.7 and X(2) = −0.6, and between X(13) = 0.5 and X(14) = 0.6. The conformal band rounds
    // outward to X(⌊1.5⌋) = X(1) and X(⌈13.5⌉) = X(14): expected coverage (14 − 1)/15 = 87%, not 80%.
    const errors = Array.from({ length: 14 }, (_, k) => (k - 7) / 10);
    const band = expectedCoverageErrorBand(errors);
    expect(band.q10).toBeCloseTo(-0.65, 12);
    expect(band.q90).toBeCloseTo(0.55, 12);
    expect(conformalErrorBand(errors)).toMatchObject({ q10: -0.7, q90: 0.6 });
  });
});

describe('calibrateIntradayBands', () => {
  // Week 1: 20 days with errors (i − 10.5)/100, i = 1..20 (−0.095 … 0.095 by 0.01), each day's ten
  // intervals with its day's error; week 2: 5 days of 0.3 (ten intervals each); weeks 3–4: none.
  // One more day lies on the origin itself and must not count.
  const weekOne: DayErrors[] = Array.from({ length: 20 }, (_, k) => ({
    date: `2026-01-${String(k + 1).padStart(2, '0')}`,
    week: 0,
    day: (k + 1 - 10.5) / 100,
    intervals: new Array<number>(10).fill((k + 1 - 10.5) / 100),
  }));
  const weekTwo: DayErrors[] = Array.from({ length: 5 }, (_, k) => ({
    date: `2026-01-2${k + 1}`,
    week: 1,
    day: 0.3,
    intervals: new Array<number>(10).fill(0.3),
  }));
  const onOrigin: DayErrors = { date: '2026-02-01', week: 0, day: 5, intervals: [5] };
  const { bands, dayBands } = calibrateIntradayBands(
    errorsBefore([...weekOne, ...weekTwo, onOrigin], '2026-02-01'),
  );

  it('gives a week with 20 days its own band', () => {
    // Days, n = 20: positions 2.1 and 18.9 → (2.1 − 10.5)/100 = −0.084 and (18.9 − 10.5)/100 = 0.084.
    expect(dayBands.weeks[0].q10).toBeCloseTo(-0.084, 12);
    expect(dayBands.weeks[0].q90).toBeCloseTo(0.084, 12);
    // Intervals, n = 200 (each day ten times): X(20.1) = −0.085 + 0.1·0.01, X(180.9) = 0.075 + 0.9·0.01.
    expect(bands.weeks[0].q10).toBeCloseTo(-0.084, 12);
    expect(bands.weeks[0].q90).toBeCloseTo(0.084, 12);
  });
  it('pools the weeks for a week with fewer days, never narrower than the week before', () => {
    // Pooled days, n = 25: X(2.6) = (2.6 − 10.5)/100 = −0.079, X(23.4) = 0.3 (X(21..25) = 0.3); widened
    // by week 1's −0.084. Pooled intervals, n = 250: X(25.1) = −0.075, X(225.9) = 0.3; widened the same.
    for (const week of [1, 2, 3]) {
      expect(dayBands.weeks[week].q10).toBeCloseTo(-0.084, 12);
      expect(dayBands.weeks[week].q90).toBeCloseTo(0.3, 12);
      expect(bands.weeks[week].q10).toBeCloseTo(-0.084, 12);
      expect(bands.weeks[week].q90).toBeCloseTo(0.3, 12);
    }
    expect(dayBands.weeks[1].samples).toBe(25);
  });
  it('falls back with fewer than 20 days of errors, however many intervals', () => {
    const few = errorsBefore(weekOne.slice(0, 19), '2026-02-01');
    expect(few.intervals[0]).toHaveLength(190);
    expect(calibrateIntradayBands(few).bands.fallback).toBe(true);
    expect(calibrateIntradayBands(few).dayBands.fallback).toBe(true);
  });
  it('keeps the pooled band of fewer than 20 days for the fallback to weigh, and how many days it holds', () => {
    // 19 days −0.095 … 0.085: positions 0.1·20 = 2 and 0.9·20 = 18 → X(2) = −0.085, X(18) = 0.075.
    // Intervals, 190 (each day ten times): X(19) is day 2's, X(171) day 18's, the same values.
    const few = calibrateIntradayBands(errorsBefore(weekOne.slice(0, 19), '2026-02-01'));
    for (const table of [few.bands, few.dayBands]) {
      expect(table.days).toBe(19);
      expect(table.weeks).toHaveLength(4);
      for (const band of table.weeks) {
        expect(band.q10).toBeCloseTo(-0.085, 12);
        expect(band.q90).toBeCloseTo(0.075, 12);
      }
    }
    // One day is no band at all: the prior alone.
    const one = calibrateIntradayBands(errorsBefore(weekOne.slice(0, 1), '2026-02-01'));
    expect(one.bands).toEqual({ weeks: [], fallback: true });
    expect(one.dayBands).toEqual({ weeks: [], fallback: true });
  });
  it('puts a calibrated week on an interval forecast: (f + 1)·e^q − 1', () => {
    // Day 10 is in week 2: 10·e^−0.084 − 1 = 8.19431, 10·e^0.3 − 1 = 12.49859.
    const band = intervalBand(bands, 9, 10);
    expect(band.p10).toBeCloseTo(8.19431, 4);
    expect(band.p90).toBeCloseTo(12.49859, 4);
  });
});

describe('fallback and day-total bands', () => {
  const fallback: IntradayBandTable = { weeks: [], fallback: true };
  it('combines the day band share with Poisson noise: 9 with the day at 0.8–1.3 of its P50', () => {
    // 9 − √((9·0.2)² + 1.2816²·9) = 9 − √(3.24 + 14.78249) = 4.75471;
    // 9 + √((9·0.3)² + 1.2816²·9) = 9 + √(7.29 + 14.78249) = 13.69814.
    const band = intervalBand(fallback, 9, 3, { low: 0.8, high: 1.3, calibrated: true });
    expect(band.p10).toBeCloseTo(4.75471, 4);
    expect(band.p90).toBeCloseTo(13.69814, 4);
  });
  it('is Poisson alone without a day band: 9 ± 1.2816·3', () => {
    const band = intervalBand(fallback, 9, 1);
    expect(band.p10).toBeCloseTo(9 - 3.8448, 4);
    expect(band.p90).toBeCloseTo(9 + 3.8448, 4);
  });
  it('weighs fewer than 20 days of errors n : 20 against the fallback, in log units', () => {
    // f = 9, day band 0.8–1.3: prior P10 4.75471, P90 13.69814 (above), in log units
    // log(5.75471/10) = −0.552566 and log(14.69814/10) = 0.385136. Five days of errors with band ±0.1:
    // weight 5/(5 + 20) = 0.2, q10 = 0.2·(−0.1) + 0.8·(−0.552566) = −0.462053 → 10·e^q10 − 1 = 5.29989;
    // q90 = 0.2·0.1 + 0.8·0.385136 = 0.328109 → 10·e^q90 − 1 = 12.88340.
    const few: IntradayBandTable = {
      weeks: new Array(4).fill({ q10: -0.1, q90: 0.1, samples: 50 }),
      fallback: true,
      days: 5,
    };
    const share = { low: 0.8, high: 1.3, calibrated: true };
    const band = intervalBand(few, 9, 3, share);
    expect(band.p10).toBeCloseTo(5.29989, 4);
    expect(band.p90).toBeCloseTo(12.8834, 4);
    // The day total's fallback blends the same way.
    expect(dayTotalBand(few, 9, 3, share)).toEqual(band);
    // No days behind the table: the prior alone.
    const none = intervalBand({ ...few, days: 0 }, 9, 3, share);
    expect(none.p10).toBeCloseTo(4.75471, 4);
    expect(none.p90).toBeCloseTo(13.69814, 4);
  });
  it('weighs 20 days of day errors as much as the daily model’s band', () => {
    // Week 1 band ±0.1 on 20 days, F = 99, daily band 0.8–1.2: weight 20/(20 + 20) = 1/2.
    // q10 = (−0.1 + log(80.2/100))/2 = −0.160323, P10 = 100·e^q10 − 1 = 84.18683;
    // q90 = (0.1 + log(119.8/100))/2 = 0.140327, P90 = 100·e^q90 − 1 = 114.06497.
    const table: IntradayBandTable = {
      weeks: new Array(4).fill({ q10: -0.1, q90: 0.1, samples: 20 }),
      fallback: false,
    };
    const band = dayTotalBand(table, 99, 1, { low: 0.8, high: 1.2, calibrated: true });
    expect(band.p10).toBeCloseTo(84.18683, 4);
    expect(band.p90).toBeCloseTo(114.06497, 4);
    // A default-width daily band (no daily backtest) weighs nothing: 100·e^∓0.1 − 1.
    const alone = dayTotalBand(table, 99, 1, { low: 0.8, high: 1.2, calibrated: false });
    expect(alone.p10).toBeCloseTo(89.48374, 4);
    expect(alone.p90).toBeCloseTo(109.51709, 4);
  });
});
