/**
 * Accumulates the normal equations of a weighted ridge regression from sparse rows, then solves
 * (XᵀWX + diag(λ)) β = XᵀWy by Cholesky (ml-matrix). Sparse accumulation keeps a fit with ~100
 * columns and 1,500 rows at a few hundred thousand multiply-adds (most columns are 0/1 dummies).
 * Source: Hoerl & Kennard (1970), ridge regression; per-column λ lets the intercept and trend go unpenalised.
 */
export class RidgeAccumulator {
  private readonly gram: Float64Array;
  private readonly moment: Float64Array;
  rows = 0;

  constructor(readonly columns: number) {
    if (!Number.isInteger(columns) || columns < 1)
      throw new RangeError(`columns must be a positive integer, got ${columns}`);
    this.gram = new Float64Array(columns * columns);
    this.moment = new Float64Array(columns);
  }

  /** Adds one row given by its non-zero column indices and values. */
  addRow(
    indices: ArrayLike<number>,
    values: ArrayLike<number>,
    count: number,
    target: number,
    weight = 1,
  ): void {
    const { gram, moment, columns } = this;
    // Only the lower triangle (row ≥ column) is accumulated; solve() reads nothing else.
    for (let a = 0; a < count; a++) {
      const i = indices[a];
      const wx = weight * values[a];
      moment[i] += wx * target;
      for (let b = 0; b < count; b++) {
        const j = indices[b];
        if (j <= i) gram[i * columns + j] += wx * values[b];
      }
    }
    this.rows++;
  }

  /** Solves for the coefficients with penalty `lambda[j]` on column j. */
  solve(lambda: ArrayLike<number>): Float64Array {
    const { columns: n } = this;
    if (lambda.length !== n) throw new RangeError(`lambda must have ${n} entries, got ${lambda.length}`);
    const l = Float64Array.from(this.gram);
    // A tiny jitter keeps columns never seen in the data (e.g. a future event offset) solvable.
    for (let i = 0; i < n; i++) l[i * n + i] += lambda[i] + 1e-9;
    for (let j = 0; j < n; j++) {
      let diagonal = l[j * n + j];
      for (let k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
      if (!(diagonal > 0)) throw new RangeError('design is singular: too few observed days to fit');
      const root = Math.sqrt(diagonal);
      l[j * n + j] = root;
      for (let i = j + 1; i < n; i++) {
        let sum = l[i * n + j];
        for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
        l[i * n + j] = sum / root;
      }
    }
    const solution = Float64Array.from(this.moment);
    for (let i = 0; i < n; i++) {
      let sum = solution[i];
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * solution[k];
      solution[i] = sum / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = solution[i];
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * solution[k];
      solution[i] = sum / l[i * n + i];
    }
    return solution;
  }
}
