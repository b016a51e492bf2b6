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
  if (agents === 0 || target <= 0) return 0;
  const b = agents / theta + 1;
  const logX = Math.log(-Math.expm1(-theta * target));
  // I_x(1, b) = 1 − (1 − x)^b, with (1 − x)^b = e^(−θ·target·b).
  let incompleteBeta = -Math.expm1(-theta * target * b);
  // log of x^k (1−x)^b Γ(k+b) / (Γ(k+1) Γ(b)) at k = 1: log x − θ·target·b + log b.
  let logStep = logX - theta * target * b + Math.log(b);
  let answered = 0;
  for (let m = 0; m < waitingShares.length; m++) {
    const k = m + 1;
    answered += waitingShares[m] * (agents / (agents + k * theta)) * Math.max(0, incompleteBeta);
    incompleteBeta -= Math.exp(logStep);
    logStep += logX + Math.log((k + b) / (k + 1));
  }
  return answered;
}
