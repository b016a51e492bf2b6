import { deferredStaffing } from './deferred-staffing';
import { fractionalScheduled, occupancyFloor, scheduledAgents } from './shrinkage';
import { staffInterval } from './staff-interval';
import { staffIntervals } from './staff-intervals';
import { LiveQueueSettings } from './staffing-types';
import { workloadAgents } from './workload';

// The classic worked example (callcentrehelper.com "Erlang C formula example", reproduced by
// pyworkforce's tests): 100 calls / 30 min, AHT 180 s, 80% within 20 s, max occupancy 85%, shrinkage 30%.
const classic = {
  contacts: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  targetSeconds: 20,
  serviceLevel: 0.8,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
};

describe('staffInterval', () => {
  // pyworkforce test_expected_erlangc_results: raw_positions 14, positions 20, SL 0.888, occupancy 0.714, P(wait) 0.174.
  it('staffs the classic Erlang C example: 14 productive, 20 scheduled', () => {
    const result = staffInterval(classic);
    expect(result).toMatchObject({ agents: 14, scheduled: 20, model: 'erlang-c', abandonment: null });
    expect(result.serviceLevel).toBeCloseTo(0.888, 3);
    expect(result.occupancy).toBeCloseTo(0.714, 3);
    expect(result.probabilityOfWaiting).toBeCloseTo(0.174, 3);
    expect(result.fractionalAgents).toBeGreaterThan(13);
    expect(result.fractionalAgents).toBeLessThanOrEqual(14);
    expect(result.fractionalScheduled).toBeCloseTo(result.fractionalAgents / 0.7, 12);
  });

  // pyworkforce test_over_occupancy_erlangc (asa 0.33 min = 19.8 s, max occupancy 70%): raw 15, positions 22.
  it('raises agents when the occupancy cap binds', () => {
    const result = staffInterval({ ...classic, targetSeconds: 19.8, maxOccupancy: 0.7 });
    expect(result).toMatchObject({ agents: 15, scheduled: 22 });
    expect(result.serviceLevel).toBeCloseTo(0.941, 3);
    expect(result.occupancy).toBeCloseTo(0.667, 3);
    expect(result.fractionalAgents).toBeCloseTo(10 / 0.7, 12);
  });

  // pyworkforce README ErlangA example (patience 5 min, SL 80%, occupancy ≤ 85%): raw 13, positions 19.
  it('uses Erlang A when a patience is given', () => {
    const result = staffInterval({ ...classic, patienceSeconds: 300 });
    expect(result).toMatchObject({ agents: 13, scheduled: 19, model: 'erlang-a' });
    expect(result.serviceLevel).toBeCloseTo(0.858, 3);
    expect(result.abandonment).toBeCloseTo(0.025, 3);
  });

  // pyworkforce README, MultiErlangC example (asa 20 s, max occupancy 80%): targets 0.8 / 0.85 / 0.9 →
  // 20 / 20 / 22 positions, achieved SL 0.8884 / 0.8884 / 0.9415, occupancy 0.7143 / 0.7143 / 0.6667.
  it.each([
    [0.8, 20, 0.8884, 0.7143],
    [0.85, 20, 0.8884, 0.7143],
    [0.9, 22, 0.9415, 0.6667],
  ])('matches pyworkforce MultiErlangC at target %s', (target, scheduled, level, occupancy) => {
    const result = staffInterval({ ...classic, serviceLevel: target, maxOccupancy: 0.8 });
    expect(result.scheduled).toBe(scheduled);
    expect(result.serviceLevel).toBeCloseTo(level, 4);
    expect(result.occupancy).toBeCloseTo(occupancy, 4);
  });

  it('keeps the fractional requirement between agents − 1 and agents', () => {
    for (let contacts = 1; contacts < 400; contacts += 13.7) {
      const result = staffInterval({ ...classic, contacts, maxOccupancy: 1 });
      expect(result.fractionalAgents).toBeGreaterThan(result.agents - 1);
      expect(result.fractionalAgents).toBeLessThanOrEqual(result.agents);
      const withPatience = staffInterval({ ...classic, contacts, maxOccupancy: 1, patienceSeconds: 90 });
      expect(withPatience.fractionalAgents).toBeGreaterThan(withPatience.agents - 1);
      expect(withPatience.fractionalAgents).toBeLessThanOrEqual(withPatience.agents);
    }
  });

  it('models chat concurrency as AHT divided by the sessions per agent', () => {
    const chat = staffInterval({ ...classic, ahtSeconds: 360, concurrency: 2 });
    const phone = staffInterval(classic);
    expect(chat.agents).toBe(phone.agents);
    expect(chat.load).toBeCloseTo(10, 12);
  });

  it('needs no one for no contacts, and more agents for a higher target', () => {
    expect(staffInterval({ ...classic, contacts: 0 })).toMatchObject({
      agents: 0,
      scheduled: 0,
      serviceLevel: 1,
    });
    const strict = staffInterval({ ...classic, serviceLevel: 0.95, maxOccupancy: 1 });
    expect(strict.agents).toBeGreaterThan(14);
  });

  it('stays fast and finite at 5,000 Erlangs', () => {
    const result = staffInterval({ ...classic, contacts: 50_000, maxOccupancy: 1, shrinkage: 0 });
    expect(result.agents).toBeGreaterThan(5_000);
    expect(result.agents).toBeLessThan(5_100);
  });

  it('rejects bad input naming the argument', () => {
    expect(() => staffInterval({ ...classic, ahtSeconds: 0 })).toThrow(/ahtSeconds/);
    expect(() => staffInterval({ ...classic, ahtSeconds: -5 })).toThrow(RangeError);
    expect(() => staffInterval({ ...classic, serviceLevel: 1 })).toThrow(/serviceLevel/);
    expect(() => staffInterval({ ...classic, serviceLevel: 0 })).toThrow(/serviceLevel/);
    expect(() => staffInterval({ ...classic, shrinkage: 1 })).toThrow(/shrinkage/);
    expect(() => staffInterval({ ...classic, maxOccupancy: 0 })).toThrow(/maxOccupancy/);
    expect(() => staffInterval({ ...classic, contacts: -1 })).toThrow(/contacts/);
    expect(() => staffInterval({ ...classic, concurrency: 0.5 })).toThrow(/concurrency/);
    expect(() => staffInterval({ ...classic, maxAgents: 10 })).toThrow(/cannot be met/);
  });
});

describe('staffIntervals', () => {
  it('agrees with staffInterval interval by interval', () => {
    const settings: LiveQueueSettings = {
      intervalMinutes: 15,
      ahtSeconds: 240,
      targetSeconds: 20,
      serviceLevel: 0.8,
    };
    const contacts = [0, 3, 17.5, 100, 100, 250, 0.2];
    const columns = staffIntervals(contacts, { ...settings, shrinkage: 0.25 });
    contacts.forEach((offered, i) => {
      const single = staffInterval({ ...settings, shrinkage: 0.25, contacts: offered });
      expect(columns.agents[i]).toBe(single.agents);
      expect(columns.scheduled[i]).toBe(single.scheduled);
      expect(columns.serviceLevel[i]).toBeCloseTo(single.serviceLevel, 12);
    });
    expect(columns.abandonment).toBeNull();
    expect(columns.totals.fractionalScheduled).toBeLessThanOrEqual(columns.totals.scheduled);
    expect(() => staffIntervals([1, -2], settings)).toThrow(/contacts\[1\]/);
  });

  it('takes an AHT per interval', () => {
    const settings: LiveQueueSettings = {
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetSeconds: 20,
      serviceLevel: 0.8,
    };
    const aht = [120, 180, 240, 300];
    for (const patienceSeconds of [undefined, 200]) {
      const columns = staffIntervals([100, 100, 100, 100], { ...settings, patienceSeconds }, aht);
      aht.forEach((ahtSeconds, i) => {
        const single = staffInterval({ ...settings, patienceSeconds, ahtSeconds, contacts: 100 });
        expect(columns.agents[i]).toBe(single.agents);
        expect(columns.serviceLevel[i]).toBe(single.serviceLevel);
      });
    }
    expect(() => staffIntervals([1, 2], settings, [180])).toThrow(/ahtSecondsPerInterval/);
    expect(() => staffIntervals([1, 2], settings, [180, 0])).toThrow(/ahtSecondsPerInterval\[1\]/);
  });

  it('gives the Erlang C columns bit for bit what staffInterval gives', () => {
    const settings: LiveQueueSettings = {
      intervalMinutes: 15,
      ahtSeconds: 300,
      targetSeconds: 30,
      serviceLevel: 0.85,
      maxOccupancy: 0.9,
      shrinkage: 0.35,
      concurrency: 1.5,
    };
    const contacts = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37.31) % 900));
    const columns = staffIntervals(contacts, settings);
    contacts.forEach((offered, i) => {
      const single = staffInterval({ ...settings, contacts: offered });
      expect([
        columns.agents[i],
        columns.scheduled[i],
        columns.fractionalAgents[i],
        columns.fractionalScheduled[i],
        columns.serviceLevel[i],
        columns.asa[i],
        columns.occupancy[i],
        columns.probabilityOfWaiting[i],
      ]).toEqual([
        single.agents,
        single.scheduled,
        single.fractionalAgents,
        single.fractionalScheduled,
        single.serviceLevel,
        single.asa,
        single.occupancy,
        single.probabilityOfWaiting,
      ]);
    });
  });
});

describe('shrinkage and occupancy', () => {
  it('rounds scheduled agents up without float noise', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20); // 14 / 0.7 = 20.000000000000004 in floating point
    expect(scheduledAgents(15, 0.3)).toBe(22);
    expect(fractionalScheduled(7, 0.3)).toBeCloseTo(10, 12);
    expect(occupancyFloor(10, 0.7)).toBe(15);
    expect(() => scheduledAgents(3, 1)).toThrow(/shrinkage/);
  });
});

describe('deferred queues', () => {
  const email = { intervalMinutes: 60, ahtSeconds: 3600, responseSeconds: 4 * 3600 };

  // Hand-derived: 12 one-hour emails at once, 4 h to answer → 3 agents for 4 hours, backlog 9, 6, 3, 0.
  it('spreads work up to the deadline', () => {
    const plan = deferredStaffing([12, 0, 0, 0], email);
    expect(plan.peakAgents).toBe(3);
    expect(Array.from(plan.agents)).toEqual([3, 3, 3, 3]);
    expect(Array.from(plan.backlog)).toEqual([9, 6, 3, 0]);
    expect(Array.from(plan.workloadAgents)).toEqual([12, 0, 0, 0]);
    expect(plan.totals.agentHours).toBeCloseTo(12, 12);
  });

  // Hand-derived: if half the emails may be late, 2 agents suffice (8 done by the deadline, 4 late).
  it('lets a share of contacts miss the deadline with targetShare', () => {
    const plan = deferredStaffing([12, 0, 0, 0], { ...email, targetShare: 0.5 });
    expect(plan.peakAgents).toBe(2);
    expect(plan.late).toBeCloseTo(4, 12);
    expect(deferredStaffing([12, 0, 0, 0], email).late).toBe(0);
    expect(() => deferredStaffing([1], { ...email, targetShare: 0 })).toThrow(/targetShare/);
  });

  // Hand-derived: 12 one-hour emails, 4 h to answer, hours 2 and 3 closed → the work must be done in
  // hours 0 and 1: 6 agents each (12 / 2), none in the closed hours.
  it('staffs nobody in closed intervals and clears the work before them', () => {
    const closed = [false, false, true, true];
    const plan = deferredStaffing([12, 0, 0, 0], { ...email, closed });
    expect(plan.peakAgents).toBe(6);
    expect(Array.from(plan.agents)).toEqual([6, 6, 0, 0]);
    expect(plan.late).toBe(0);
    // 4 emails arriving in hour 2 of 0..3 with hours 2 and 3 closed: no one can answer them in time;
    // they are late at any staff level, and the closed hours are still not staffed.
    const shut = deferredStaffing([0, 0, 4, 0], { ...email, responseSeconds: 2 * 3600, closed });
    expect(Array.from(shut.agents)).toEqual([0, 0, 0, 0]);
    expect(shut.late).toBe(4); // due by the end of hour 3, which is closed
    expect(shut.unfinishedAtEnd).toBe(4);
    expect(() => deferredStaffing([1, 2], { ...email, closed: [false] })).toThrow(/closed must have 2/);
  });

  it('never misses a deadline and never staffs above the peak', () => {
    const volumes = Array.from({ length: 24 * 7 }, (_, hour) => (hour % 24 >= 8 && hour % 24 < 18 ? 40 : 2));
    const settings = { intervalMinutes: 60, ahtSeconds: 300, responseSeconds: 24 * 3600, occupancy: 0.8 };
    const plan = deferredStaffing(volumes, settings);
    const peakWorkload = Math.max(...workloadAgents(volumes, settings));
    expect(plan.peakAgents).toBeLessThan(peakWorkload);
    expect(Math.max(...plan.agents)).toBeLessThanOrEqual(plan.peakAgents);
    // One agent fewer must miss a deadline somewhere: the peak is the least.
    const perAgent = (3600 * 0.8) / 300;
    const lower = plan.peakAgents - 1;
    let backlog: number[] = [];
    let missed = false;
    volumes.forEach((volume, hour) => {
      backlog.push(volume);
      let capacity = lower * perAgent;
      backlog = backlog.map((left) => {
        const done = Math.min(left, capacity);
        capacity -= done;
        return left - done;
      });
      if (hour >= 23 && backlog[hour - 23] > 1e-9) missed = true;
    });
    expect(missed).toBe(true);
  });

  it('gives the simple workload view: volume × AHT / 3600 / occupancy per hour', () => {
    expect(
      Array.from(workloadAgents([120], { intervalMinutes: 60, ahtSeconds: 300, occupancy: 0.8 })),
    ).toEqual([12.5]);
  });

  it('rejects a response time shorter than an interval', () => {
    expect(() => deferredStaffing([1], { ...email, responseSeconds: 600 })).toThrow(/responseSeconds/);
    expect(() => deferredStaffing([1], { ...email, ahtSeconds: 0 })).toThrow(/ahtSeconds/);
  });
});
