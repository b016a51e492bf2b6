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
    for (let a = 0; a < count; a++) {
      const i = indices[a];
      const wx = weight * values[a];
      moment[i] += wx * target;
      for (let b = 0; b < count; b++) gram[i * columns + indices[b]] += wx * values[b];
    }
    this.rows++;
  }

  /** Solves for the coefficients with penalty `lambda[j]` on column j. */
  solve(lambda: ArrayLike<number>): Float64Array {
    const { columns } = this;
    if (lambda.length !== columns)
      throw new RangeError(`lambda must have ${columns} entries, got ${lambda.length}`);
    const system = new Matrix(columns, columns);
    for (let i = 0; i < columns; i++) {
      for (let j = 0; j < columns; j++) system.set(i, j, this.gram[i * columns + j]);
      // A tiny jitter keeps columns never seen in the data (e.g. a future event offset) solvable.
      system.set(i, i, system.get(i, i) + lambda[i] + 1e-9);
    }
    const cholesky = new CholeskyDecomposition(system);
    if (!cholesky.isPositiveDefinite())
      throw new RangeError('design is singular: too few observed days to fit');
    const solution = cholesky.solve(Matrix.columnVector(Array.from(this.moment)));
    return Float64Array.from(solution.getColumn(0));
  }
}
