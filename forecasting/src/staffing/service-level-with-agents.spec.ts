import { erlangAMetrics } from './erlang-a';
import { serviceLevelWithAgents } from './service-level-with-agents';
import { productiveAgents, scheduledAgents } from './shrinkage';

// pyworkforce README (ErlangC): 100 transactions per 30 min, AHT 180 s, 20 s target → 14 agents
// reach a service level of 0.88835.
const PYWORKFORCE = { intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20 };

describe('serviceLevelWithAgents', () => {
  it('is Erlang C without a patience (pyworkforce README: 14 agents → 0.88835)', () => {
    expect(serviceLevelWithAgents(14, 100, PYWORKFORCE)).toBeCloseTo(0.88835, 4);
  });

  it('divides the AHT by the chat concurrency: 2 sessions of 360 s are one call of 180 s', () => {
    expect(serviceLevelWithAgents(14, 100, { ...PYWORKFORCE, ahtSeconds: 360, concurrency: 2 })).toBeCloseTo(
      0.88835,
      4,
    );
  });

  it('is Erlang A with a patience: load 10 Erlangs (100 × 180 s / 1,800 s), patience 120 s', () => {
    const withPatience = serviceLevelWithAgents(14, 100, { ...PYWORKFORCE, patienceSeconds: 120 });
    expect(withPatience).toBe(erlangAMetrics(14, 10, 180, 120, 20).serviceLevel);
    // callers who leave abandonment out tend to say 0 or null: both mean Erlang C
    expect(serviceLevelWithAgents(14, 100, { ...PYWORKFORCE, patienceSeconds: null })).toBeCloseTo(
      0.88835,
      4,
    );
  });

  it('serves an interval without contacts in full', () => {
    expect(serviceLevelWithAgents(0, 0, PYWORKFORCE)).toBe(1);
  });
});

describe('productiveAgents', () => {
  it('is the inverse of scheduledAgents on whole agents: 20 rostered at 30% → 14 (14 / 0.7 = 20)', () => {
    expect(productiveAgents(20, 0.3)).toBe(14);
    expect(scheduledAgents(14, 0.3)).toBe(20);
  });

  it('keeps whole agents only: 21 × 0.7 = 14.7 → 14; without shrinkage all stay', () => {
    expect(productiveAgents(21, 0.3)).toBe(14);
    expect(productiveAgents(7, 0)).toBe(7);
  });
});
