import { quantile } from './quantile';

/** Quantiles of log(1 + actual) − log(1 + forecast), and how many errors they rest on. */
export interface ErrorBand {
  q10: number;
  q90: number;
  samples: number;
}

/**
 * The 10%/90% error band of a sample by split-conformal finite-sample order statistics: the
 * ⌊(n + 1)·0.1⌋-th and ⌈(n + 1)·0.9⌉-th smallest errors instead of the plain 10%/90% quantiles (Lei et
 * al. 2018, "Distribution-free predictive inference for regression"), so thin samples are not too
 * narrow. Position k ↔ level (k − 1)/(n − 1). The band always spans at least ±1%.
 * @example conformalErrorBand([-0.2, -0.1, 0, 0.1, 0.2]) // { q10: -0.2, q90: 0.2, samples: 5 }
 */
export function conformalErrorBand(errors: readonly number[]): ErrorBand {
  const n = errors.length;
  if (n < 2) throw new RangeError(`errors must hold at least 2 values, got ${n}`);
  const upper = Math.min(1, (Math.ceil((n + 1) * 0.9) - 1) / (n - 1));
  const lower = Math.max(0, (Math.floor((n + 1) * 0.1) - 1) / (n - 1));
  return {
    q10: Math.min(quantile(errors, lower), -0.01),
    q90: Math.max(quantile(errors, upper), 0.01),
    samples: n,
  };
}

/**
 * The 10%/90% error band at the order statistics whose expected coverage is exactly 80%: for n
 * exchangeable errors and a new one, P(new < X₍ₖ₎) = k/(n + 1), so the positions k = 0.1·(n + 1) and
 * 0.9·(n + 1), interpolated between neighbours and held within 1..n (Hyndman & Fan 1996, type 6). The
 * conformal band above rounds outward and expects (⌈0.9(n + 1)⌉ − ⌊0.1(n + 1)⌋)/(n + 1), 84% at n = 24.
 * The band always spans at least ±1%.
 * @example expectedCoverageErrorBand([-0.7, -0.6, …, 0.6]) // 14 errors: positions 1.5 and 13.5 → { q10: -0.65, q90: 0.55 }
 */
export function expectedCoverageErrorBand(errors: readonly number[]): ErrorBand {
  const n = errors.length;
  if (n < 2) throw new RangeError(`errors must hold at least 2 values, got ${n}`);
  const level = (share: number) => Math.min(1, Math.max(0, (share * (n + 1) - 1) / (n - 1)));
  return {
    q10: Math.min(quantile(errors, level(0.1)), -0.01),
    q90: Math.max(quantile(errors, level(0.9)), 0.01),
    samples: n,
  };
}
