import { serviceLevelWithAgents } from '../staffing/service-level-with-agents';
import { productiveAgents } from '../staffing/shrinkage';
import { computeScenario } from './compute-scenario';
import { createScenarioCache } from './scenario-cache';
import type { ScenarioQueueInput } from './scenario-types';

// The classic Erlang C worked example (callcentrehelper.com, reproduced by pyworkforce's tests and by the
// staffing engine's own spec): 100 calls / 30 min, AHT 180 s, 80% within 20 s, max occupancy 85%,
// shrinkage 30% → 14 productive, 20 scheduled in every interval below.
function queue(name: string, uploadedCore?: number[]): ScenarioQueueInput {
  const starts = ['09:00', '09:30', '10:00', '10:30'].map((clock) => `2026-02-13T${clock}:00+01:00`);
  return {
    queueId: `${name}-id`,
    name,
    kind: 'live',
    intervalMinutes: 30,
    ahtSeconds: 180,
    serviceLevelTarget: 0.8,
    targetSeconds: 20,
    patienceSeconds: null,
    concurrency: 1,
    reasonShares: { '': 1 },
    starts,
    localDates: starts.map((start) => start.slice(0, 10)),
    weekdays: Int8Array.of(5, 5, 5, 5), // Friday
    localMinutes: Int16Array.of(540, 570, 600, 630),
    p50: Float64Array.of(100, 100, 100, 100),
    events: starts.map(() => []),
    uploadedCore: uploadedCore ? Int32Array.from(uploadedCore) : undefined,
  };
}

const adjustments = {
  shrinkage: 0.3,
  maxOccupancy: 0.85,
  // 6 core agents all day on Fridays, on every queue
  coreStaff: [{ weekdays: [5], from: '00:00', to: '24:00', agents: 6 }],
};
const scenario = { id: 's', name: 'core rule', from: '2026-02-13', to: '2026-02-13' };

describe('computeScenario: uploaded core staff against the weekly patterns', () => {
  it('takes the uploaded value where there is one (0 included) and the pattern elsewhere', () => {
    // -1 = not uploaded → the pattern's 6; 25, 0 and 12 uploaded replace it (not added to it)
    const result = computeScenario(scenario, [queue('phone', [-1, 25, 0, 12])], adjustments);
    const slots = result.intervals!;
    expect(slots.map((slot) => slot.scheduled)).toEqual([20, 20, 20, 20]);
    expect(slots.map((slot) => slot.core)).toEqual([6, 25, 0, 12]);
    // gap = max(0, scheduled − core): 20−6, 20−25 → 0, 20−0, 20−12
    expect(slots.map((slot) => slot.poolGap)).toEqual([14, 0, 20, 8]);
    // half-hour intervals: (6 + 25 + 0 + 12) × 0.5 h core, (14 + 0 + 20 + 8) × 0.5 h pool
    expect(result.totals.coreHours).toBe(21.5);
    expect(result.totals.poolHours).toBe(21);
    expect(result.totals.cost).toBe(21.5 * 32 + 21 * 38);
    // with no pool, 25 core agents give floor(25 × 0.7) = 17 productive ≥ 14 needed: the target is met
    expect(slots[1].serviceLevelWithoutPool!).toBeGreaterThanOrEqual(0.8);
    expect(result.warnings).toEqual([
      'core staff of phone uploaded for 3 of 4 intervals; the other 1 use the weekly pattern',
    ]);
  });

  it('names the queues without an upload, and says when no pattern covers them either', () => {
    const result = computeScenario(
      scenario,
      [queue('phone', [10, 10, 10, 10]), queue('chat'), queue('email')],
      { ...adjustments, coreStaff: [{ ...adjustments.coreStaff[0], queue: 'chat' }] },
    );
    expect(result.queues.map((row) => [row.queue, row.coreHours])).toEqual([
      ['phone', 20], // 4 × 10 × 0.5 h, uploaded
      ['chat', 12], // 4 × 6 × 0.5 h, its pattern
      ['email', 0], // neither
    ]);
    expect(result.warnings).toEqual([
      'core staff uploaded for 1 of 3 queues; chat uses the weekly pattern; email uses the weekly pattern (none for this queue: 0 core staff)',
    ]);
  });

  it('is the weekly pattern alone, without warnings, when nothing is uploaded', () => {
    const result = computeScenario(scenario, [queue('phone'), queue('chat', [-1, -1, -1, -1])], adjustments);
    expect(result.intervals!.map((slot) => slot.core)).toEqual([6, 6, 6, 6, 6, 6, 6, 6]);
    expect(result.intervals!.map((slot) => slot.poolGap)).toEqual([14, 14, 14, 14, 14, 14, 14, 14]);
    expect(result.warnings).toEqual([]);
  });
});

describe('computeScenario: service level per added pool agent (for the roster allocation)', () => {
  it('gives the service level with 0 … poolGap pool agents, from without to with the pool', () => {
    // Uploaded core 12 in the last interval: gap 20 − 12 = 8, so 9 steps. Productive agents are
    // floor(agents × 0.7): 12 → 8 (below the load of 10 Erlang: service level 0), 20 → 14 (the worked
    // example's 14 agents: 0.8884). Each step adds an agent, so the levels never fall.
    const result = computeScenario(scenario, [queue('phone', [-1, 25, 0, 12])], adjustments, {
      intervals: true,
      serviceLevelSteps: true,
    });
    const slot = result.intervals![3];
    const steps = slot.serviceLevelSteps!;
    expect(steps).toHaveLength(9);
    expect(steps[0]).toBe(0);
    expect(steps[8]).toBeCloseTo(0.8884, 4);
    expect(Math.round(steps[0] * 10000) / 10000).toBe(slot.serviceLevelWithoutPool);
    expect(Math.round(steps[8] * 10000) / 10000).toBe(slot.serviceLevelWithPool);
    steps.slice(1).forEach((level, k) => expect(level).toBeGreaterThanOrEqual(steps[k]));
    // Not asked for: not there.
    expect(
      computeScenario(scenario, [queue('phone')], adjustments).intervals![0].serviceLevelSteps,
    ).toBeUndefined();
  });
});

describe('computeScenario: a tiny scenario worked by hand', () => {
  it('gives the hand-derived required, scheduled, core, gap, hours, cost and service levels', () => {
    // Two half-hour intervals of one live queue: Friday 13 Feb 09:00 (200 calls forecast) and Saturday
    // 14 Feb 09:00 (50 calls, Valentine's day). Volume −50% → 100 and 25; Valentine's +300% on the
    // Saturday → 25 × 4 = 100. Both are the Erlang C worked example (100 calls / 30 min, AHT 180 s,
    // 80% in 20 s, occupancy ≤ 85%): 14 productive agents, ⌈14 / 0.7⌉ = 20 scheduled at 30% shrinkage.
    const starts = ['2026-02-13T09:00:00+01:00', '2026-02-14T09:00:00+01:00'];
    const tiny: ScenarioQueueInput = {
      ...queue('phone'),
      starts,
      localDates: ['2026-02-13', '2026-02-14'],
      weekdays: [5, 6],
      localMinutes: [540, 540],
      p50: [200, 50],
      events: [[], ['valentines']],
    };
    const result = computeScenario({ ...scenario, to: '2026-02-14' }, [tiny], {
      volumeUplift: -0.5,
      eventUplift: { valentines: 3 },
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      // 6 core agents on Fridays only: the Saturday has none
      coreStaff: [{ weekdays: [5], from: '08:00', to: '17:00', agents: 6 }],
      coreHourlyCost: 30,
      poolHourlyCost: 40,
    });
    const slots = result.intervals!;
    expect(slots.map((slot) => slot.forecast)).toEqual([100, 100]);
    expect(slots.map((slot) => slot.required)).toEqual([14, 14]);
    expect(slots.map((slot) => slot.scheduled)).toEqual([20, 20]);
    expect(slots.map((slot) => slot.core)).toEqual([6, 0]);
    expect(slots.map((slot) => slot.poolGap)).toEqual([14, 20]); // 20 − 6, 20 − 0
    // Without the pool: ⌊6 × 0.7⌋ = 4 and 0 productive agents for a load of 10 Erlang → nobody in time.
    // With it: 20 heads → ⌊20 × 0.7⌋ = 14 agents → 0.88835 (pyworkforce README) → 0.8884 at 4 digits.
    expect(slots.map((slot) => slot.serviceLevelWithoutPool)).toEqual([0, 0]);
    expect(slots.map((slot) => slot.serviceLevelWithPool)).toEqual([0.8884, 0.8884]);
    expect(result.totals).toEqual({
      contacts: 200,
      requiredHours: 14, // (14 + 14) × 0.5 h
      scheduledHours: 20, // (20 + 20) × 0.5 h
      coreHours: 3, // 6 × 0.5 h
      poolHours: 17, // (14 + 20) × 0.5 h
      coreCost: 90, // 3 h × €30
      poolCost: 680, // 17 h × €40
      cost: 770,
      serviceLevelWithoutPool: 0,
      serviceLevelWithPool: 0.8884, // contact-weighted: both intervals 100 contacts
      intervalsWithGap: 2,
    });
    expect(result.days.map((day) => [day.date, day.coreHours, day.poolHours, day.cost])).toEqual([
      ['2026-02-13', 3, 7, 3 * 30 + 7 * 40],
      ['2026-02-14', 0, 10, 10 * 40],
    ]);
    // Scheduled = core used + pool gap: 20 = (3 − 0 surplus) + 17.
    expect(result.totals.scheduledHours).toBe(result.totals.coreHours + result.totals.poolHours);
  });

  it('gives the same numbers from plain arrays as from typed arrays (the browser gets JSON)', () => {
    const typed = queue('phone', [-1, 25, 0, 12]);
    const plain: ScenarioQueueInput = JSON.parse(
      JSON.stringify({
        ...typed,
        weekdays: Array.from(typed.weekdays),
        localMinutes: Array.from(typed.localMinutes),
        p50: Array.from(typed.p50),
        uploadedCore: Array.from(typed.uploadedCore!),
      }),
    );
    expect(computeScenario(scenario, [plain], adjustments)).toEqual(
      computeScenario(scenario, [typed], adjustments),
    );
  });

  it('gives with the pool the service level of the scheduled agents, reused from the staffing search or not', () => {
    // Erlang A (patience 120 s) over uneven contacts: the search's own service level stands in for the
    // pool's where the pool tops up to exactly the required agents; it must be the same number as
    // evaluating the scheduled agents afresh, and the totals the same as summing those.
    const base = queue('phone', [-1, 3, 0, 30]);
    const patient: ScenarioQueueInput = {
      ...base,
      patienceSeconds: 120,
      p50: Float64Array.of(37.3, 100, 142.9, 8.1),
    };
    const result = computeScenario(scenario, [patient], adjustments);
    const interval = { intervalMinutes: 30, ahtSeconds: 180, targetSeconds: 20, patienceSeconds: 120 };
    const round4 = (value: number) => Math.round(value * 1e4) / 1e4;
    let weighted = 0;
    for (const slot of result.intervals!) {
      const withPool = serviceLevelWithAgents(
        productiveAgents(slot.core + slot.poolGap, 0.3),
        slot.forecast,
        interval,
      );
      expect(slot.serviceLevelWithPool).toBe(round4(withPool));
      weighted += withPool * slot.forecast;
    }
    expect(result.intervals!.filter((slot) => slot.poolGap > 0)).toHaveLength(3);
    expect(result.totals.serviceLevelWithPool).toBe(round4(weighted / result.totals.contacts));
  });

  it('gives the same result with a cache kept between computations as without, whatever moved', () => {
    const patient: ScenarioQueueInput = {
      ...queue('phone', [-1, 3, 0, 30]),
      patienceSeconds: 120,
      p50: Float64Array.of(37.3, 100, 142.9, 8.1),
    };
    const deferred: ScenarioQueueInput = { ...queue('email'), kind: 'deferred', targetSeconds: 3600 };
    const cache = createScenarioCache();
    // As a planner moves the sliders: a cost (all reused), the core staff (staffing reused, the service
    // level alone recomputed where the core changed), the volume (all recomputed), then back.
    for (const moved of [
      adjustments,
      { ...adjustments, poolHourlyCost: 41 },
      { ...adjustments, coreStaff: [{ weekdays: [5], from: '09:00', to: '09:30', agents: 9 }] },
      { ...adjustments, volumeUplift: 0.1 },
      { ...adjustments, shrinkage: 0.35 },
      adjustments,
    ])
      expect(computeScenario(scenario, [patient, deferred], moved, { cache })).toEqual(
        computeScenario(scenario, [patient, deferred], moved),
      );
    expect([...cache.queues.keys()]).toEqual(['phone-id|phone', 'email-id|email']);
  });
});
