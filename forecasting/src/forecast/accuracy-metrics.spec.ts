import { bias, intervalCoverage, mase, maseScale, smape, wape } from './accuracy-metrics';
import { median, quantile } from './quantile';
import { mulberry32 } from './seeded-random';

describe('accuracy metrics (hand-derived on tiny series)', () => {
  it('WAPE = Σ|a−f| / Σa', () => {
    // |100−110| + |200−170| = 40; 40 / 300
    expect(wape([100, 200], [110, 170])).toBeCloseTo(40 / 300, 12);
    expect(wape([0, 0], [0, 0])).toBe(0);
  });
  it('sMAPE skips closed days', () => {
    // day 1: 2·10/210, day 3: 2·30/370; day 2 is closed (actual 0)
    expect(smape([100, 0, 200], [110, 0, 170])).toBeCloseTo((20 / 210 + 60 / 370) / 2, 12);
  });
  it('MASE against the in-sample seasonal naive (lag 7)', () => {
    // second week differs from the first by |3−1|+0+0+0+0+0+0 → scale 2/7
    const training = [1, 2, 3, 4, 5, 6, 7, 3, 2, 3, 4, 5, 6, 7];
    expect(maseScale(training, 7)).toBeCloseTo(2 / 7, 12);
    // mean |a−f| = 1 → MASE = 1 / (2/7) = 3.5
    expect(mase([10, 10], [9, 11], 2 / 7)).toBeCloseTo(3.5, 12);
  });
  it('bias is relative and signed', () => {
    expect(bias([100, 200], [110, 170])).toBeCloseTo(-20 / 300, 12);
  });
  it('coverage counts actuals inside the band', () => {
    expect(intervalCoverage([5, 10, 20], [4, 11, 15], [6, 12, 25])).toBeCloseTo(2 / 3, 12);
  });
  it('rejects mismatched lengths and non-numbers', () => {
    expect(() => wape([1], [1, 2])).toThrow(RangeError);
    expect(() => wape([Number.NaN], [1])).toThrow(/actual\[0\]/);
  });
});

describe('quantile and seeded random', () => {
  it('matches R quantile type 7', () => {
    // R: quantile(c(1,2,3,4), c(.1,.5,.9)) -> 1.3 2.5 3.7
    expect(quantile([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(median([4, 1, 3, 2])).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
  });
  it('is reproducible by seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
