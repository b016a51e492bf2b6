import { RidgeAccumulator } from './ridge';

describe('RidgeAccumulator', () => {
  it('solves least squares exactly without penalty', () => {
    // y = 1 + 2x on x = 0, 1, 2 → β = (1, 2) (hand-derived).
    const ridge = new RidgeAccumulator(2);
    for (const x of [0, 1, 2]) ridge.addRow([0, 1], [1, x], 2, 1 + 2 * x);
    const beta = ridge.solve([0, 0]);
    expect(beta[0]).toBeCloseTo(1, 8);
    expect(beta[1]).toBeCloseTo(2, 8);
  });
  it('shrinks a penalised coefficient: β = Σxy / (Σx² + λ)', () => {
    // one column, x = 1 twice, y = 3 twice, λ = 2 → β = 6 / (2 + 2) = 1.5
    const ridge = new RidgeAccumulator(1);
    ridge.addRow([0], [1], 1, 3);
    ridge.addRow([0], [1], 1, 3);
    expect(ridge.solve([2])[0]).toBeCloseTo(1.5, 8);
  });
  it('names bad arguments', () => {
    expect(() => new RidgeAccumulator(0)).toThrow(/columns/);
    expect(() => new RidgeAccumulator(2).solve([1])).toThrow(/lambda/);
  });
});
