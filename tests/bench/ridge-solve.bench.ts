/* The ridge solve of the daily model: ml-matrix's Cholesky (what the library uses) against the
 * hand-written Cholesky it replaced (kept here as the baseline), on the normal equations of a real fit:
 * the demo queue's 4 years, ~100 columns. The fit + forecast line in forecasting.bench shows the whole. */
import { prepareEngine } from '../../forecasting/src/forecast/prepare-engine';
import { RidgeAccumulator } from '../../forecasting/src/forecast/ridge';
import { writeFeatureRow, maxRowEntries } from '../../forecasting/src/forecast/regression-features';
import { syntheticPhoneHistory } from '../../forecasting/src/demo';
import { timeMedian, type BenchReport } from './run-benchmarks';

/** The library's solver before issue 13: Cholesky–Banachiewicz on the lower triangle, in place. */
function handWrittenSolve(gram: Float64Array, moment: Float64Array, lambda: ArrayLike<number>): Float64Array {
  const n = moment.length;
  const l = Float64Array.from(gram);
  for (let i = 0; i < n; i++) l[i * n + i] += lambda[i] + 1e-9;
  for (let j = 0; j < n; j++) {
    let diagonal = l[j * n + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
    const root = Math.sqrt(diagonal);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = l[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / root;
    }
  }
  const x = Float64Array.from(moment);
  for (let i = 0; i < n; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * x[k];
    x[i] = sum / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

export async function run(): Promise<BenchReport> {
  const { setup } = prepareEngine(syntheticPhoneHistory(), { country: 'NL' });
  const { layout, series, index } = setup;
  const ridge = new RidgeAccumulator(layout.columns);
  const indices = new Int32Array(maxRowEntries(layout));
  const entries = new Float64Array(indices.length);
  for (let i = 0; i < series.values.length; i++) {
    if (!(series.values[i] > 0)) continue;
    const count = writeFeatureRow(layout, index, series.startDay + i, indices, entries);
    ridge.addRow(indices, entries, count, Math.log1p(series.values[i]));
  }
  const { gram, moment } = ridge as unknown as { gram: Float64Array; moment: Float64Array };
  const library = ridge.solve(layout.lambda);
  const previous = handWrittenSolve(gram, moment, layout.lambda);
  let largestDifference = 0;
  for (let j = 0; j < library.length; j++)
    largestDifference = Math.max(largestDifference, Math.abs(library[j] - previous[j]));
  const libraryMs = await timeMedian(() => {
    for (let k = 0; k < 20; k++) ridge.solve(layout.lambda);
  }, 9);
  const previousMs = await timeMedian(() => {
    for (let k = 0; k < 20; k++) handWrittenSolve(gram, moment, layout.lambda);
  }, 9);
  return {
    suite: 'ridge-solve',
    lines: [
      {
        name: `ridge solve ×20, ${layout.columns} columns (ml-matrix Cholesky)`,
        ms: libraryMs,
        baseline: 'hand-written Cholesky it replaced',
        baselineMs: previousMs,
        ratio: libraryMs / previousMs,
        note: `largest coefficient difference ${largestDifference.toExponential(1)}; a fit makes ~25 solves`,
      },
    ],
  };
}
