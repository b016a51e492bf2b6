import { erlangAMetrics } from './erlang-a';
import { answeredWithin } from './erlang-a-waiting';
import { erlangB } from './erlang-b';
import { erlangC, erlangCMetrics } from './erlang-c';

/** Erlang B straight from its definition, `(A^N/N!) / Σ_{k≤N} A^k/k!` (finite for small N only). */
function erlangBDirect(agents: number, load: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= agents; k++) {
    term *= load / k;
    sum += term;
  }
  return term / sum;
}

/** Erlang C from the textbook closed form with powers and factorials (Cooper §5.2). */
function erlangCDirect(agents: number, load: number): number {
  let factorialTerm = 1;
  let sum = 0;
  for (let k = 0; k < agents; k++) {
    sum += factorialTerm;
    factorialTerm *= load / (k + 1);
  }
  const top = factorialTerm * (agents / (agents - load));
  return top / (sum + top);
}

describe('erlangB', () => {
  // pyworkforce tests/test_erlang_b.py: B(1, 1) = 0.5 and B(2, 1) = 0.2 exactly.
  it('matches the exact small cases', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 6);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 6);
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  // pyworkforce tests/test_erlang_b.py: 10 Erlangs at most 2% blocking → 17 trunks.
  it('needs 17 trunks for 10 Erlangs at 2% blocking', () => {
    expect(erlangB(16, 10)).toBeGreaterThan(0.02);
    expect(erlangB(17, 10)).toBeLessThanOrEqual(0.02);
  });

  it('matches the direct formula wherever both are finite', () => {
    for (const load of [0.5, 3, 10, 42.5, 80]) {
      for (const agents of [1, 5, 20, 60, 120]) {
        expect(erlangB(agents, load)).toBeCloseTo(erlangBDirect(agents, load), 12);
      }
    }
  });

  it('stays finite and in [0, 1] for up to 10,000 agents and 5,000 Erlangs', () => {
    for (const agents of [0, 1, 100, 4_999, 5_000, 5_001, 10_000]) {
      for (const load of [0, 0.01, 1, 500, 4_999.5, 5_000]) {
        const value = erlangB(agents, load);
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('names the bad argument', () => {
    expect(() => erlangB(-1, 2)).toThrow(/agents/);
    expect(() => erlangB(1.5, 2)).toThrow(RangeError);
    expect(() => erlangB(2, Number.NaN)).toThrow(TypeError);
    expect(() => erlangB(2, -1)).toThrow(/load/);
  });
});

describe('erlangC', () => {
  // pyworkforce README / tests/test_erlang.py (callcentrehelper.com "Erlang C formula example":
  // 100 calls / 30 min, AHT 180 s, 20 s target): 14 agents → P(wait) 0.1741319335950498,
  // service level 0.8883500191794669, occupancy 0.7142857142857143.
  it('matches the callcentrehelper / pyworkforce worked example to the printed digits', () => {
    const metrics = erlangCMetrics(14, 10, 180, 20);
    expect(metrics.probabilityOfWaiting).toBeCloseTo(0.1741319335950498, 14);
    expect(metrics.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
    expect(metrics.occupancy).toBeCloseTo(0.7142857142857143, 14);
    // callcentrehelper.com: average speed of answer 7.8 seconds.
    expect(metrics.asa).toBeCloseTo(7.8, 1);
  });

  // pyworkforce tests/test_erlang.py test_over_occupancy_erlangc (asa = 0.33 min = 19.8 s):
  // 15 agents → service level 0.941, occupancy 0.667, P(wait) 0.102.
  it('matches pyworkforce at 15 agents', () => {
    const metrics = erlangCMetrics(15, 10, 180, 19.8);
    expect(metrics.serviceLevel).toBeCloseTo(0.941, 3);
    expect(metrics.occupancy).toBeCloseTo(0.667, 3);
    expect(metrics.probabilityOfWaiting).toBeCloseTo(0.102, 3);
  });

  it('matches the factorial formula wherever both are finite', () => {
    for (const load of [0.5, 3, 10, 42.5]) {
      for (const agents of [Math.floor(load) + 1, Math.floor(load) + 4, 60, 100]) {
        expect(erlangC(agents, load)).toBeCloseTo(erlangCDirect(agents, load), 11);
      }
    }
  });

  it('is 1 when agents do not exceed the load, and the service level rises with agents', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangCMetrics(10, 10, 180, 20).serviceLevel).toBe(0);
    for (const load of [0.3, 7, 95.5, 2_400]) {
      let previous = -1;
      for (let agents = Math.floor(load) + 1; agents < load + 6 * Math.sqrt(load) + 10; agents++) {
        const level = erlangCMetrics(agents, load, 240, 30).serviceLevel;
        expect(level).toBeGreaterThanOrEqual(previous);
        previous = level;
      }
    }
  });

  it('stays finite at 10,000 agents and 5,000 Erlangs', () => {
    const metrics = erlangCMetrics(5_013, 5_000, 180, 20);
    expect(metrics.serviceLevel).toBeGreaterThan(0.8);
    expect(Number.isFinite(erlangCMetrics(10_000, 5_000, 180, 20).asa)).toBe(true);
  });
});

describe('erlangAMetrics', () => {
  // pyworkforce tests/test_abandonment.py test_erlanga_regression_metrics: 100 contacts / 30 min,
  // AHT 3 min, patience 5 min, target 20 s, 14 agents → P(wait) 0.14526, P(abandon) 0.013984,
  // occupancy 0.704297, ASA 0.069919 min, service level 0.916792.
  it('matches pyworkforce ErlangA to the digits its test gives', () => {
    const metrics = erlangAMetrics(14, 10, 180, 300, 20);
    expect(metrics.probabilityOfWaiting).toBeCloseTo(0.14526, 5);
    expect(metrics.abandonment).toBeCloseTo(0.013984, 6);
    expect(metrics.occupancy).toBeCloseTo(0.704297, 6);
    expect(metrics.asa / 60).toBeCloseTo(0.069919, 6);
    expect(metrics.serviceLevel).toBeCloseTo(0.916792, 6);
  });

  // pyworkforce README, ErlangA example: 13 agents → SL 0.858, occupancy 0.750, abandonment 0.025,
  // P(wait) 0.226, ASA 0.125 min.
  it('matches the pyworkforce README ErlangA example', () => {
    const metrics = erlangAMetrics(13, 10, 180, 300, 20);
    expect(metrics.serviceLevel).toBeCloseTo(0.858, 3);
    expect(metrics.occupancy).toBeCloseTo(0.75, 3);
    expect(metrics.abandonment).toBeCloseTo(0.025, 3);
    expect(metrics.probabilityOfWaiting).toBeCloseTo(0.226, 3);
    expect(metrics.asa / 60).toBeCloseTo(0.125, 3);
  });

  // Hand-derived: with one agent and patience = AHT, every waiting contact leaves at rate μ, so the
  // number in system is Poisson(A): P(wait) = 1 − e^−A, P(abandon) = E[(X−1)+]/A = e^−1 for A = 1.
  it('matches the M/M/∞ case of one agent with patience equal to the AHT', () => {
    const metrics = erlangAMetrics(1, 1, 60, 60, 0);
    expect(metrics.probabilityOfWaiting).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(metrics.abandonment).toBeCloseTo(Math.exp(-1), 12);
    expect(metrics.serviceLevel).toBeCloseTo(Math.exp(-1), 12);
  });

  it('tends to Erlang C as patience grows and to Erlang B as patience vanishes', () => {
    for (const agents of [11, 14, 20]) {
      const patient = erlangAMetrics(agents, 10, 180, 1e8, 20);
      const c = erlangCMetrics(agents, 10, 180, 20);
      expect(patient.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
      expect(patient.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
      expect(patient.asa / c.asa).toBeCloseTo(1, 3);
      const impatient = erlangAMetrics(agents, 10, 180, 1e-6, 20);
      expect(impatient.abandonment).toBeCloseTo(erlangB(agents, 10), 6);
    }
  });

  it('never raises abandonment when patience grows; the service level rises with agents', () => {
    for (const load of [2, 10, 55]) {
      for (const agents of [Math.floor(load / 2), Math.floor(load), Math.ceil(load) + 3]) {
        let previous = 1;
        for (const patience of [5, 30, 60, 120, 300, 900, 3_600]) {
          const abandonment = erlangAMetrics(agents, load, 180, patience, 20).abandonment;
          expect(abandonment).toBeLessThanOrEqual(previous + 1e-12);
          previous = abandonment;
        }
      }
      let level = -1;
      for (let agents = 0; agents < 2 * load + 10; agents++) {
        const next = erlangAMetrics(agents, load, 180, 90, 20).serviceLevel;
        expect(next).toBeGreaterThanOrEqual(level - 1e-12);
        level = next;
      }
    }
  });

  it('stays finite when far overloaded and at thousands of agents', () => {
    for (const [agents, load] of [
      [0, 5_000],
      [1_000, 5_000],
      [5_000, 5_000],
      [10_000, 5_000],
    ]) {
      const metrics = erlangAMetrics(agents, load, 180, 120, 20);
      for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true);
      expect(metrics.serviceLevel).toBeGreaterThanOrEqual(0);
      expect(metrics.serviceLevel).toBeLessThanOrEqual(1);
    }
  });

  // Independent check of the incomplete-beta waiting-time formula: integrate the Markov chain of
  // "m contacts ahead, answered, abandoned" with small RK4 steps.
  it('answers within the target as an RK4 integration of the waiting chain does', () => {
    const shares = [0.2, 0.15, 0.1, 0.05, 0.02, 0.01];
    for (const [agents, theta, target] of [
      [3, 0.5, 0.4],
      [1, 1, 0.5],
      [20, 2, 0.1],
    ]) {
      const rate = (i: number) => agents + (i + 1) * theta;
      const derivative = (state: number[]) =>
        state.map((mass, i) =>
          i === shares.length
            ? agents * state[0]
            : -rate(i) * mass + (i + 1 < shares.length ? rate(i) * state[i + 1] : 0),
        );
      let state = [...shares, 0];
      const steps = 4000;
      const h = target / steps;
      const add = (a: number[], b: number[], f: number) => a.map((v, i) => v + f * b[i]);
      for (let s = 0; s < steps; s++) {
        const k1 = derivative(state);
        const k2 = derivative(add(state, k1, h / 2));
        const k3 = derivative(add(state, k2, h / 2));
        const k4 = derivative(add(state, k3, h));
        state = state.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
      }
      expect(answeredWithin(shares, agents, theta, target)).toBeCloseTo(state[shares.length], 10);
    }
  });

  // The incomplete-beta factors are kept per (agents, θ, target) and extended on demand: the sum must be
  // the step-by-step formula's to the last bit, however the kept table was grown.
  it('answers within the target exactly as the step-by-step sum, from kept and grown tables', () => {
    const stepByStep = (shares: number[], agents: number, theta: number, target: number) => {
      const b = agents / theta + 1;
      const logX = Math.log(-Math.expm1(-theta * target));
      let incompleteBeta = -Math.expm1(-theta * target * b);
      let logStep = logX - theta * target * b + Math.log(b);
      let answered = 0;
      for (let m = 0; m < shares.length; m++) {
        const k = m + 1;
        answered += shares[m] * (agents / (agents + k * theta)) * Math.max(0, incompleteBeta);
        incompleteBeta -= Math.exp(logStep);
        logStep += logX + Math.log((k + b) / (k + 1));
      }
      return answered;
    };
    const sharesOf = (length: number) => Array.from({ length }, (_, m) => 0.3 * 0.93 ** m);
    for (const [agents, theta, target] of [
      [7, 1.5, 0.11],
      [40, 2, 0.1],
      [1, 0.25, 0.3],
      [250, 0.6, 0.05],
    ])
      for (const length of [3, 1, 40, 33, 300, 9000, 5])
        expect(answeredWithin(sharesOf(length), agents, theta, target)).toBe(
          stepByStep(sharesOf(length), agents, theta, target),
        );
  });

  it('names the bad argument', () => {
    expect(() => erlangAMetrics(3, 2, 180, 0, 20)).toThrow(/patienceSeconds/);
    expect(() => erlangAMetrics(3, 2, 0, 60, 20)).toThrow(/ahtSeconds/);
  });
});
