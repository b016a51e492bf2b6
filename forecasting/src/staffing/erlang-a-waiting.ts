/**
 * Probability that an arriving contact waits and is still answered within `target` (in AHT units)
 * before it abandons, in Erlang A. `waitingShares[m]` is the probability that it finds all agents
 * busy and m contacts already waiting ahead of it.
 *
 * With m ahead, the offered wait V is a sum of exponential stages with rates `N + iθ`
 * (i = m … 0: an agent frees up or one ahead hangs up), and the contact is answered if V ≤ target
 * and V is shorter than its own Exp(θ) patience. Multiplying the stage densities by `e^(−θv)`
 * telescopes to `P = N/(N + (m+1)θ) · F(target)`, where F is the distribution of a sum of stages
 * with rates `N + jθ`, j = 1 … m+1 — the time for m+1 deaths in a pure-death process, whose
 * distribution is the regularised incomplete beta `I_x(m+1, N/θ + 1)` with `x = 1 − e^(−θ·target)`
 * (order statistics of exponentials; Abramowitz & Stegun 26.5.24 for the binomial–beta identity).
 * `I_x(k+1, b) = I_x(k, b) − x^k·(1−x)^b·Γ(k+b)/(Γ(k+1)·Γ(b))` (A&S 26.5.16), stepped in logs so
 * nothing underflows at thousands of agents. O(m) in total; no cancellation beyond 1e-16 absolute.
 */
export function answeredWithin(
  waitingShares: readonly number[],
  agents: number,
  theta: number,
  target: number,
): number {
  return answeredWithinTail(waitingShares, waitingShares.length, 1, agents, theta, target);
}

/**
 * {@link answeredWithin} on the queue tail as `erlangAMetrics` holds it: `terms[m] / denominator` is
 * the share with m ahead (the division done here, so no array of shares is made).
 */
export function answeredWithinTail(
  terms: ArrayLike<number>,
  count: number,
  denominator: number,
  agents: number,
  theta: number,
  target: number,
): number {
  if (agents === 0 || target <= 0) return 0;
  const { ratio, beta } = waitingCoefficients(agents, theta, target, count);
  let answered = 0;
  // The same products in the same order as the step-by-step formula: identical to the last bit.
  for (let m = 0; m < count; m++) answered += (terms[m] / denominator) * ratio[m] * beta[m];
  return answered;
}

/**
 * The factors of the sum above that depend on agents, θ and the target only, not on the load:
 * `ratio[m] = N/(N + (m+1)θ)` and `beta[m] = max(0, I_x(m+1, b))`. A staffing search and the service
 * levels of a scenario evaluate the same queue (θ, target) at the same agent counts thousands of times
 * with other loads, so they are kept; the stepping state is kept too, to extend a table on demand.
 */
interface CoefficientTable {
  ratio: Float64Array;
  beta: Float64Array;
  length: number;
  incompleteBeta: number;
  logStep: number;
}

/** Tables longer than this (very patient queues at high load) are computed without keeping them. */
const MAX_KEPT_LENGTH = 8192;
/** All kept tables together hold at most this many numbers; beyond it they are dropped and rebuilt. */
const MAX_KEPT_NUMBERS = 4_000_000;
const tables = new Map<number, Map<number, Map<number, CoefficientTable>>>();
let keptNumbers = 0;

function waitingCoefficients(agents: number, theta: number, target: number, count: number): CoefficientTable {
  let byTarget = tables.get(theta);
  if (!byTarget) tables.set(theta, (byTarget = new Map()));
  let byAgents = byTarget.get(target);
  if (!byAgents) byTarget.set(target, (byAgents = new Map()));
  let table = byAgents.get(agents);
  if (!table) {
    const b = agents / theta + 1;
    const logX = Math.log(-Math.expm1(-theta * target));
    table = {
      ratio: new Float64Array(0),
      beta: new Float64Array(0),
      length: 0,
      // I_x(1, b) = 1 − (1 − x)^b, with (1 − x)^b = e^(−θ·target·b).
      incompleteBeta: -Math.expm1(-theta * target * b),
      // log of x^k (1−x)^b Γ(k+b) / (Γ(k+1) Γ(b)) at k = 1: log x − θ·target·b + log b.
      logStep: logX - theta * target * b + Math.log(b),
    };
    if (count > MAX_KEPT_LENGTH) return extend(table, agents, theta, target, count);
    if (keptNumbers > MAX_KEPT_NUMBERS) {
      tables.clear();
      keptNumbers = 0;
      return waitingCoefficients(agents, theta, target, count);
    }
    byAgents.set(agents, table);
  }
  if (table.length < count) {
    if (count > MAX_KEPT_LENGTH) {
      byAgents.delete(agents);
      keptNumbers -= 2 * table.ratio.length;
      return waitingCoefficients(agents, theta, target, count);
    }
    const before = table.ratio.length;
    extend(table, agents, theta, target, Math.min(MAX_KEPT_LENGTH, Math.max(count, 2 * table.length, 32)));
    keptNumbers += 2 * (table.ratio.length - before);
  }
  return table;
}

/** Steps the incomplete beta on to `length` terms (A&S 26.5.16, as described above). */
function extend(
  table: CoefficientTable,
  agents: number,
  theta: number,
  target: number,
  length: number,
): CoefficientTable {
  const b = agents / theta + 1;
  const logX = Math.log(-Math.expm1(-theta * target));
  const ratio = new Float64Array(length);
  const beta = new Float64Array(length);
  ratio.set(table.ratio.subarray(0, table.length));
  beta.set(table.beta.subarray(0, table.length));
  let { incompleteBeta, logStep } = table;
  for (let m = table.length; m < length; m++) {
    const k = m + 1;
    ratio[m] = agents / (agents + k * theta);
    beta[m] = Math.max(0, incompleteBeta);
    incompleteBeta -= Math.exp(logStep);
    logStep += logX + Math.log((k + b) / (k + 1));
  }
  Object.assign(table, { ratio, beta, length, incompleteBeta, logStep });
  return table;
}
