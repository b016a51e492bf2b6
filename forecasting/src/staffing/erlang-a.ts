import { erlangB } from './erlang-b';
import { assertCount, assertFinite, assertPositive } from './validate';
import { answeredWithinTail } from './erlang-a-waiting';

/** Queue measures of an M/M/N+M (Erlang A) queue. */
export interface ErlangAMetrics {
  /** Probability that an arriving contact finds every agent busy and waits. */
  probabilityOfWaiting: number;
  /** Probability that an arriving contact abandons before it is answered. */
  abandonment: number;
  /**
   * Answered within the target, over ALL offered contacts: abandoned contacts stay in the
   * denominator and count as misses, even those that hang up before the target (see
   * {@link ERLANG_A_SERVICE_LEVEL_DEFINITION}).
   */
  serviceLevel: number;
  /** Mean wait over all offered contacts, seconds (Little's law: `Lq/λ`). */
  asa: number;
  /** Carried load per agent: `A·(1 − P(abandon)) / N`. */
  occupancy: number;
}

/** The one service-level definition used by Erlang A everywhere in PeakPlan. */
export const ERLANG_A_SERVICE_LEVEL_DEFINITION =
  'answered within the target / offered (abandoned contacts stay in the denominator and count as misses)';

/** Longest queue the birth–death tail is summed over; beyond it patience is effectively infinite. */
const MAX_QUEUE_STATES = 2_000_000;

/**
 * Erlang A (Palm's M/M/N+M): Poisson arrivals, exponential handle times, exponential patience.
 *
 * Exact birth–death solution (Garnett, Mandelbaum & Reiman 2002, "Designing a call center with
 * impatient customers", MSOM 4(3)): with A = λ·AHT, θ = AHT/patience (time in AHT units),
 * `t_m = Π_{j=1..m} A/(N + jθ)`, `R = Σ_{m≥0} t_m` and the Erlang B value `B` of N agents,
 * `P(N in system) = B / (1 + B·(R − 1))`, `P(wait) = P(N)·R`,
 * `P(abandon) = P(N)·θ·Σ m·t_m / A`, `Lq = P(N)·Σ m·t_m`. The tail is rescaled as it is summed, so
 * overloaded intervals (N ≪ A) stay finite.
 * The waiting-time distribution (for the service level) is in `erlang-a-waiting.ts`.
 *
 * @example
 * // One agent, patience equal to the handle time: the queue is then M/M/∞ (hand-derived):
 * erlangAMetrics(1, 1, 60, 60, 0); // probabilityOfWaiting 1−e⁻¹ = 0.6321, abandonment e⁻¹ = 0.3679
 */
export function erlangAMetrics(
  agents: number,
  load: number,
  ahtSeconds: number,
  patienceSeconds: number,
  targetSeconds: number,
): ErlangAMetrics {
  assertCount(agents, 'agents');
  assertFinite(load, 'load', 0);
  assertPositive(ahtSeconds, 'ahtSeconds');
  assertPositive(patienceSeconds, 'patienceSeconds');
  assertFinite(targetSeconds, 'targetSeconds', 0);
  if (load === 0) return { probabilityOfWaiting: 0, abandonment: 0, serviceLevel: 1, asa: 0, occupancy: 0 };
  const theta = ahtSeconds / patienceSeconds;
  const tail = queueTail(agents, load, theta);
  const blocking = erlangB(agents, load);
  // P(N)·t_m = t'_m / ((1 − B)/(B·S) + R') with the tail rescaled by S = e^logScale (no overflow).
  const denominator =
    blocking === 0 ? Infinity : ((1 - blocking) / blocking) * Math.exp(-tail.logScale) + tail.sum;
  const queueLength = tail.weightedSum / denominator;
  const abandonment = Math.min(1, (theta * queueLength) / load);
  const probabilityOfWaiting = Math.min(1, tail.sum / denominator);
  const target = targetSeconds / ahtSeconds;
  const answered = answeredWithinTail(tail.terms, tail.count, denominator, agents, theta, target);
  const served = 1 - probabilityOfWaiting + answered;
  return {
    probabilityOfWaiting,
    abandonment,
    serviceLevel: Math.min(1, Math.max(0, served)),
    asa: (queueLength / load) * ahtSeconds,
    occupancy: agents === 0 ? 1 : Math.min(1, (load * (1 - abandonment)) / agents),
  };
}

/**
 * The tail terms of the last call, kept between calls: a staffing search calls this thousands of times
 * and the terms are read once, by `answeredWithinTail`, before the next call writes over them.
 */
let scratch = new Float64Array(256);
/** A longer tail (a very patient queue at high load) gets its own array, not kept. */
const MAX_KEPT_TERMS = 65_536;

/** Tail terms `t_m` (scaled by e^−logScale), their count, sum and `Σ m·t_m`, cut where negligible. */
function queueTail(agents: number, load: number, theta: number) {
  let terms = scratch;
  terms[0] = 1;
  let count = 1;
  let term = 1;
  let sum = 1;
  let weightedSum = 0;
  let logScale = 0;
  for (let m = 1; ; m++) {
    const ratio = load / (agents + m * theta);
    term *= ratio;
    if (ratio < 1 && term < sum * 1e-17) break;
    if (m > MAX_QUEUE_STATES) {
      throw new RangeError(
        `patienceSeconds is too long for Erlang A at this load; use Erlang C (no patience)`,
      );
    }
    if (count === terms.length) {
      const grown = new Float64Array(2 * terms.length);
      grown.set(terms);
      if (grown.length <= MAX_KEPT_TERMS) scratch = grown;
      terms = grown;
    }
    terms[count++] = term;
    sum += term;
    weightedSum += m * term;
    if (term > 1e250) {
      // Overloaded (N < A): the terms grow like a Poisson weight before they decay; rescale.
      for (let i = 0; i < count; i++) terms[i] *= 1e-250;
      term *= 1e-250;
      sum *= 1e-250;
      weightedSum *= 1e-250;
      logScale += 250 * Math.LN10;
    }
  }
  return { terms, count, sum, weightedSum, logScale };
}
