import type { BacktestRun } from './backtest-runs';
import type { CombinationWeights } from './component-forecasts';
import { conformalErrorBand } from './error-band';
import { applyInterval, calibrateIntervals } from './prediction-intervals';
import { mulberry32, standardNormal, type RandomSource } from './seeded-random';

// One week per run, all in the 1–7-day horizon bucket: 3 ordinary days, 2 mild window days (event
// effect 0.2 in log units) and 2 strong window days (effect 1.0, about ×2.7).
const EFFECTS: (number | undefined)[] = [undefined, undefined, undefined, 0.2, 0.2, 1.0, 1.0];
const REGRESSION_ONLY: CombinationWeights = { model: 1, naive: 0, uplift: 0 };
const P50 = 100;

/** A backtest run whose log errors log(1 + y) − log(1 + ŷ) are drawn with the given spread per day. */
function runWithErrors(origin: number, spread: readonly number[], random: RandomSource): BacktestRun {
  const days = EFFECTS.map((_, i) => origin + i);
  return {
    kind: 'regular',
    origin,
    days,
    model: days.map(() => P50),
    naive: days.map(() => NaN),
    uplift: days.map(() => NaN),
    closed: days.map(() => false),
    actual: spread.map((sigma) => (1 + P50) * Math.exp(sigma * standardNormal(random)) - 1),
    scored: days.map(() => true),
    eventEffect: [...EFFECTS],
  };
}

function runsWithErrors(count: number, firstOrigin: number, spread: readonly number[], seed: number) {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, k) => runWithErrors(firstOrigin + 7 * k, spread, random));
}

/** Share of fresh days of kind `day` (index into EFFECTS) inside the band, and the band's width / P50. */
function heldOut(table: ReturnType<typeof calibrateIntervals>, runs: BacktestRun[], day: number) {
  const band = applyInterval(table, P50, day + 1, EFFECTS[day]);
  const inside = runs.filter((run) => run.actual[day] >= band.p10 && run.actual[day] <= band.p90).length;
  return { coverage: inside / runs.length, width: (band.p90 - band.p10) / P50 };
}

describe('calibrateIntervals: bands by kind of day', () => {
  // Known spreads (log-normal day errors): ordinary σ = 0.05, mild window days 0.10, strong 0.25.
  const spread = [0.05, 0.05, 0.05, 0.1, 0.1, 0.25, 0.25];
  const table = calibrateIntervals(runsWithErrors(100, 0, spread, 11), REGRESSION_ONLY, 700);
  const fresh = runsWithErrors(1500, 700, spread, 12);

  it('gives strong event days a wider band that still holds about 80% of them', () => {
    // Split-conformal band from n exchangeable errors: the ⌊0.1(n+1)⌋-th to ⌈0.9(n+1)⌉-th smallest, so a
    // fresh error falls inside with probability (⌈0.9(n+1)⌉ − ⌊0.1(n+1)⌋)/(n+1): strong days n = 200 →
    // (181 − 20)/201 = 0.801; ordinary n = 300 → (271 − 30)/301 = 0.801. The realised share given one
    // calibration sample has s.d. √(0.8·0.2/n) ≈ 0.028 and 0.023, and 1500 fresh days add 0.010: ±0.07.
    const strong = heldOut(table, fresh, 5);
    const ordinary = heldOut(table, fresh, 0);
    // (One band for all window days — a 50/50 mix of σ 0.10 and 0.25, 10/90% points ≈ ±0.22 — would
    // hold only 2Φ(0.22/0.25) − 1 ≈ 62% of the strong days, which this test would catch.)
    expect(strong.coverage).toBeGreaterThan(0.73);
    expect(strong.coverage).toBeLessThan(0.87);
    expect(ordinary.coverage).toBeGreaterThan(0.73);
    expect(ordinary.coverage).toBeLessThan(0.87);
    // Widths of a log-normal band: (e^{1.2816σ} − e^{−1.2816σ})·101/100 → 0.65 for σ = 0.25, 0.13 for 0.05.
    expect(strong.width).toBeGreaterThan(0.55);
    expect(strong.width).toBeLessThan(0.75);
    expect(ordinary.width).toBeGreaterThan(0.1);
    expect(ordinary.width).toBeLessThan(0.16);
  });

  it('keeps the band of all window days on mild ones (between ordinary and strong)', () => {
    const bucket = table.buckets[0];
    const mild = applyInterval(table, P50, 4, 0.2);
    expect(mild.p10).toBeCloseTo((1 + P50) * Math.exp(bucket.event.q10) - 1, 9);
    expect(heldOut(table, fresh, 3).width).toBeGreaterThan(heldOut(table, fresh, 0).width);
    expect(heldOut(table, fresh, 3).width).toBeLessThan(heldOut(table, fresh, 5).width);
  });

  it('never gives strong days a narrower band than all window days', () => {
    // Here the strong days are the calm ones (σ 0.05) and the mild ones wild (σ 0.25).
    const calmPeaks = calibrateIntervals(
      runsWithErrors(100, 0, [0.05, 0.05, 0.05, 0.25, 0.25, 0.05, 0.05], 13),
      REGRESSION_ONLY,
    );
    expect(calmPeaks.buckets[0].strongEvent.q10).toBe(calmPeaks.buckets[0].event.q10);
    expect(calmPeaks.buckets[0].strongEvent.q90).toBe(calmPeaks.buckets[0].event.q90);
  });

  it('uses only days before the cutoff (no look-ahead)', () => {
    const wild = runsWithErrors(20, 700, [1, 1, 1, 1, 1, 1, 1], 14);
    const before = runsWithErrors(100, 0, spread, 11);
    expect(calibrateIntervals([...before, ...wild], REGRESSION_ONLY, 700)).toEqual(table);
  });
});

describe('conformalErrorBand', () => {
  it('takes the ⌊0.1(n+1)⌋-th and ⌈0.9(n+1)⌉-th smallest errors', () => {
    // n = 5: ⌊0.6⌋ = 0 → the smallest; ⌈5.4⌉ = 6 > n → the largest (a thin sample gets its full range).
    expect(conformalErrorBand([0.2, -0.1, 0, 0.1, -0.2])).toEqual({ q10: -0.2, q90: 0.2, samples: 5 });
    // n = 19: ⌊2⌋ = 2nd and ⌈18⌉ = 18th smallest of −0.09, −0.08, …, 0.09.
    const errors = Array.from({ length: 19 }, (_, k) => (k - 9) / 100);
    const band = conformalErrorBand(errors);
    expect(band.q10).toBeCloseTo(-0.08, 12);
    expect(band.q90).toBeCloseTo(0.08, 12);
  });
});
