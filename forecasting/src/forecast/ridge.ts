import { CholeskyDecomposition, Matrix } from 'ml-matrix';

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

  /** Solves for the coefficients with penalty `lambda[j]` on column j (Cholesky of ml-matrix). */
  solve(lambda: ArrayLike<number>): Float64Array {
    const { columns: n, gram } = this;
    if (lambda.length !== n) throw new RangeError(`lambda must have ${n} entries, got ${lambda.length}`);
    // addRow accumulates the lower triangle; ml-matrix checks that the matrix is symmetric.
    const rows = Array.from({ length: n }, () => new Array<number>(n));
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = 0; j < i; j++) rows[i][j] = rows[j][i] = gram[row + j];
      // A tiny jitter keeps columns never seen in the data (e.g. a future event offset) solvable.
      rows[i][i] = gram[row + i] + lambda[i] + 1e-9;
    }
    const normal = new Matrix(rows);
    const cholesky = new CholeskyDecomposition(normal);
    if (!cholesky.isPositiveDefinite())
      throw new RangeError('design is singular: too few observed days to fit');
    const solution = cholesky.solve(Matrix.columnVector(Array.from(this.moment)));
    return Float64Array.from(solution.getColumn(0));
  }
}
