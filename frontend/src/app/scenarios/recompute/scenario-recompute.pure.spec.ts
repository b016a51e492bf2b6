import type { ScenarioInputsDto } from '@peakplan/contracts';

import { answerRecompute, type RecomputeAnswer } from './scenario-recompute';

// One live queue, two half-hours of 100 calls (AHT 180 s, 80% in 20 s): the Erlang C worked example,
// 14 productive agents → ⌈14 / 0.7⌉ = 20 scheduled at 30% shrinkage.
const inputs: ScenarioInputsDto = {
  scenarioId: 's1',
  name: 'Valentine',
  from: '2026-02-13',
  to: '2026-02-13',
  adjustments: { shrinkage: 0.3 },
  queues: [
    {
      queueId: 'q1',
      name: 'phone',
      kind: 'live',
      intervalMinutes: 30,
      ahtSeconds: 180,
      serviceLevelTarget: 0.8,
      targetSeconds: 20,
      patienceSeconds: null,
      concurrency: 1,
      reasonShares: { '': 1 },
      starts: ['2026-02-13T09:00:00+01:00', '2026-02-13T09:30:00+01:00'],
      localDates: ['2026-02-13', '2026-02-13'],
      weekdays: [5, 5],
      localMinutes: [540, 570],
      p50: [100, 100],
      events: [[], []],
      closed: [false, false],
    },
  ],
  warnings: ['3 uploaded core-staff intervals fall outside the period'],
};

const clock = () => 0;

describe('answerRecompute (the worker)', () => {
  it('asks for the inputs first, then computes with the adjustments it is sent', () => {
    const state = { inputs: null };
    expect(answerRecompute(state, { kind: 'compute', requestId: 1, adjustments: {} }, clock)).toEqual({
      requestId: 1,
      error: 'The scenario is not loaded yet.',
    });
    expect(answerRecompute(state, { kind: 'inputs', inputs }, clock)).toBeNull();
    const answer = answerRecompute(
      state,
      { kind: 'compute', requestId: 2, adjustments: { shrinkage: 0.3, coreStaff: [] } },
      clock,
    ) as Extract<RecomputeAnswer, { result: unknown }>;
    expect(answer.requestId).toBe(2);
    // 2 × 20 scheduled × 0.5 h = 20 h, all on the pool without core staff; the server's warnings kept.
    expect(answer.result.totals).toMatchObject({ scheduledHours: 20, coreHours: 0, poolHours: 20 });
    expect(answer.result.warnings).toEqual(['3 uploaded core-staff intervals fall outside the period']);
    // A second answer with other adjustments does not add the warnings twice.
    const again = answerRecompute(state, { kind: 'compute', requestId: 3, adjustments: {} }, clock);
    expect(again && 'result' in again ? again.result.warnings : null).toHaveLength(1);
    // A cost moved: the staffing kept from before gives what a fresh worker computes.
    const costly = {
      kind: 'compute' as const,
      requestId: 5,
      adjustments: { shrinkage: 0.3, poolHourlyCost: 50 },
    };
    const kept = answerRecompute(state, costly, clock);
    const fresh = answerRecompute({ inputs }, costly, clock);
    expect(kept).toEqual(fresh);
    expect(kept && 'result' in kept ? kept.result.totals.poolCost : null).toBe(20 * 50);
  });

  it('turns a refusal of the library into a sentence', () => {
    const state = { inputs };
    // A service level of 1 can never be reached: the staffing search gives up with a RangeError.
    const answer = answerRecompute(
      state,
      { kind: 'compute', requestId: 4, adjustments: { serviceLevel: 1 } },
      clock,
    );
    expect(answer).toEqual({
      requestId: 4,
      error: expect.stringMatching(/^These adjustments cannot be computed: .+\.$/),
    });
  });
});
