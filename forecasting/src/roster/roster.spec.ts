import fc from 'fast-check';

import { solveOnThisThread } from '../shifts/highs-solver';
import { allocateRoster, RosterInfeasibleError } from './allocate-roster';
import { placeValues } from './cover-values';
import { fairSwaps } from './fair-swaps';
import { NOT_GIVEN } from './roster-explanations';
import type { RosterCandidate, RosterInput, RosterLimit } from './roster-types';

const REST = 11 * 60;
const DAY = 24 * 60;
const options = { solver: solveOnThisThread, timeLimitSeconds: 60 };

describe('placeValues', () => {
  it('gives the service level each person buys, made non-increasing', () => {
    // Concave already: 0.6 − 0.2, 0.8 − 0.6, 0.9 − 0.8.
    expect(placeValues([0.2, 0.6, 0.8, 0.9]).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.4, 0.2, 0.1]);
    // Erlang's S shape: no gain from the first person, 0.6 from the second; the hull from (0, 0) to
    // (2, 0.6) has slope 0.3, then (2, 0.6) to (3, 0.7) slope 0.1.
    expect(placeValues([0, 0, 0.6, 0.7]).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.3, 0.3, 0.1]);
    expect(placeValues([0.5])).toEqual([]);
    expect(() => placeValues([0, Number.NaN])).toThrow(/serviceLevels\[1\]/);
  });
});

/**
 * Two members, three one-place shifts:
 *   S0 Christmas Eve 18:00–22:00, 4 hard hours, its interval's first person worth 0.5 service level;
 *   S1 the next day 09:00–13:00, not hard, worth 0.3 (exactly 11 hours after S0 ends: allowed);
 *   S2 two days later 18:00–22:00, 4 hard hours, worth 0.2.
 * A (department X) wants S0 (rank 1) and S2, can S1; B (department Y) wants S1, can S0 and S2.
 * 1 cover: every shift can be filled (no rest conflict, one place each): 0.5 + 0.3 + 0.2 = 1.
 * 2 fairness: two hard shifts of 4 h for two people: one each, so the most hard hours is 4 (giving A
 *   both of their wants would make it 8).
 * 3 spread: one 4-hour block each at cost 1: 4 + 4 = 8; departments 4 h per member each: range 0.
 * 4 preferences (want 3 + 1/rank, can 1) among the fair rosters:
 *   A S0 (4) + B S2 (1) + S1 to B (want 3, beats A's can 1) = 8;
 *   B S0 (1) + A S2 (3) + B S1 (3) = 7.
 *   So A gets S0, B gets S1 and S2. A's want S2 went to B, who has 4 hard hours where A would have 8:
 *   "fewer hard hours"; A's can S1 went to B's want: "wanted it more".
 */
function christmasInstance(): RosterInput {
  const candidate = (member: number, shift: number, preference: 'want' | 'can', rank: number | null = null) =>
    ({ member, shift, preference, rank, pin: null }) satisfies RosterCandidate;
  return {
    shifts: [
      { id: 'S0', places: 1, start: 18 * 60, end: 22 * 60, hardHours: 4, intervals: [0], nominalValue: 0 },
      {
        id: 'S1',
        places: 1,
        start: DAY + 9 * 60,
        end: DAY + 13 * 60,
        hardHours: 0,
        intervals: [1],
        nominalValue: 0,
      },
      {
        id: 'S2',
        places: 1,
        start: 2 * DAY + 18 * 60,
        end: 2 * DAY + 22 * 60,
        hardHours: 4,
        intervals: [2],
        nominalValue: 0,
      },
    ],
    intervals: [{ placeValues: [0.5, 0.1] }, { placeValues: [0.3] }, { placeValues: [0.2] }],
    members: [
      { id: 'A', department: 'X', points: 0 },
      { id: 'B', department: 'Y', points: 0 },
    ],
    candidates: [
      candidate(0, 0, 'want', 1),
      candidate(1, 0, 'can'),
      candidate(0, 1, 'can'),
      candidate(1, 1, 'want'),
      candidate(0, 2, 'want'),
      candidate(1, 2, 'can'),
    ],
    limits: [],
    restMinutes: REST,
  };
}

describe('allocateRoster', () => {
  it('covers, then spreads the hard hours, then follows preferences (derived by hand above)', async () => {
    const roster = await allocateRoster(christmasInstance(), options);
    expect(roster.given).toEqual([0, 3, 5]);
    expect(roster.objective).toEqual({
      cover: 1,
      maxHardHours: 4,
      spread: 8,
      departmentRange: 0,
      wantsGiven: 2,
      wantsNotGiven: 1,
      cansGiven: 1,
      preferenceScore: 8,
      points: 0,
    });
    expect(roster.stages.map((stage) => stage.stage)).toEqual([
      'cover',
      'max-hard-hours',
      'spread',
      'preferences',
    ]);
    expect(roster.stages.every((stage) => stage.gap !== null && stage.gap < 1e-6)).toBe(true);
    const reasons = Object.fromEntries(roster.explanations.map((e) => [e.candidate, [e.outcome, e.reason]]));
    expect(reasons[4]).toEqual(['not-given', NOT_GIVEN.fewerHardHours]);
    expect(reasons[2]).toEqual(['not-given', NOT_GIVEN.wantedMore]);
    expect(reasons[0]).toEqual(['given', 'You wanted this shift.']);
  });

  it('puts cover before fairness, keeps 11 hours of rest, and keeps pins', async () => {
    const input = christmasInstance();
    // S1 now starts one minute earlier: 10 h 59 min after S0 ends, so one person cannot have both.
    input.shifts[1] = { ...input.shifts[1], start: input.shifts[1].start - 1 };
    // Only A may take S0 and S2: cover fills both (0.5 + 0.2) though A then has 8 hard hours.
    input.candidates = input.candidates.filter((c) => !(c.member === 1 && c.shift !== 1));
    let roster = await allocateRoster(input, options);
    // A: S0 and S2 (cover 0.7); B: S1 (0.3). A cannot hold S1 beside S0 anyway (rest).
    expect(roster.given.map((p) => [input.candidates[p].member, input.candidates[p].shift])).toEqual([
      [0, 0],
      [1, 1],
      [0, 2],
    ]);
    expect(roster.objective.maxHardHours).toBe(8);
    // Pin A onto S1: S0 (rest conflict) must go; S2 stays (A's S1 ends 2 days before).
    input.candidates.find((c) => c.member === 0 && c.shift === 1)!.pin = 'in';
    roster = await allocateRoster(input, options);
    const given = roster.given.map((p) => [input.candidates[p].member, input.candidates[p].shift]);
    expect(given).toEqual([
      [0, 1],
      [0, 2],
    ]);
    const s0 = roster.explanations.find((e) => input.candidates[e.candidate].shift === 0)!;
    expect(s0.reason).toBe(NOT_GIVEN.rest(11));
    // Two pins that break the rest rule together: no roster.
    input.candidates.find((c) => c.member === 0 && c.shift === 0)!.pin = 'in';
    await expect(allocateRoster(input, options)).rejects.toThrow(RosterInfeasibleError);
  });

  it('starts the fairness stage from single swaps that lower the most hard hours', () => {
    // A holds both evenings (S0 p0, S2 p4: 8 hard hours), B the day shift S1 (p3). S0 can go to B
    // (0 + 4 < 8, and S0 ends exactly 11 hours before S1 starts: allowed): A 4, B 4. S2 to B would
    // give B 8, not fewer than A's 4: stop.
    expect(fairSwaps(christmasInstance(), [0, 3, 4])).toEqual([1, 3, 4]);
  });

  it('tells a member which limit kept a want from them', async () => {
    // One member, two 4-hour day shifts on two days, weekly maximum 4 hours: only one fits. S1's
    // interval is worth more (0.4 against 0.3), so cover gives S1; S0 is refused by the limit.
    const input: RosterInput = {
      shifts: [
        { id: 'S0', places: 1, start: 9 * 60, end: 13 * 60, hardHours: 0, intervals: [0], nominalValue: 0 },
        {
          id: 'S1',
          places: 1,
          start: DAY + 9 * 60,
          end: DAY + 13 * 60,
          hardHours: 0,
          intervals: [1],
          nominalValue: 0,
        },
      ],
      intervals: [{ placeValues: [0.3] }, { placeValues: [0.4] }],
      members: [{ id: 'A', department: null, points: 0 }],
      candidates: [
        { member: 0, shift: 0, preference: 'want', rank: 1, pin: null },
        { member: 0, shift: 1, preference: 'can', rank: null, pin: null },
      ],
      limits: [{ candidates: [0, 1], coefficients: [4, 4], max: 4, reason: 'Over your 4 hours this week.' }],
      restMinutes: REST,
    };
    const roster = await allocateRoster(input, options);
    expect(roster.given).toEqual([1]);
    expect(roster.objective.cover).toBeCloseTo(0.4, 9);
    expect(roster.explanations[0]).toEqual({
      candidate: 0,
      outcome: 'not-given',
      reason: 'Over your 4 hours this week.',
    });
  });

  it('breaks a tie that nothing else decides by recognition points, and only then', async () => {
    // One day shift, one place; A and B in the same department both want it at rank 1. Cover,
    // fairness and preference are equal either way, so the member with more points earned gets it:
    // B (120) over A (40) — though A comes first in the stable order.
    const tie = (points: [number, number]): RosterInput => ({
      shifts: [
        { id: 'S0', places: 1, start: 9 * 60, end: 13 * 60, hardHours: 0, intervals: [0], nominalValue: 0 },
      ],
      intervals: [{ placeValues: [0.5] }],
      members: [
        { id: 'A', department: 'X', points: points[0] },
        { id: 'B', department: 'X', points: points[1] },
      ],
      candidates: [
        { member: 0, shift: 0, preference: 'want', rank: 1, pin: null },
        { member: 1, shift: 0, preference: 'want', rank: 1, pin: null },
      ],
      limits: [],
      restMinutes: REST,
    });
    expect((await allocateRoster(tie([40, 120]), options)).given).toEqual([1]);
    expect((await allocateRoster(tie([120, 40]), options)).given).toEqual([0]);
    // Equal points: the stable order (A first).
    expect((await allocateRoster(tie([0, 0]), options)).given).toEqual([0]);
  });

  it('never breaks a rule on random instances, and gives the same roster twice', async () => {
    const instance = fc
      .record({
        members: fc.integer({ min: 1, max: 6 }),
        shifts: fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 4 }),
            startHour: fc.integer({ min: 6, max: 20 }),
            length: fc.integer({ min: 2, max: 9 }),
            places: fc.integer({ min: 1, max: 3 }),
            hard: fc.boolean(),
            value: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        marks: fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.constantFrom<'want' | 'can'>('want', 'can'),
            fc.option(fc.integer({ min: 1, max: 5 })),
          ),
          {
            maxLength: 30,
          },
        ),
        weekLimit: fc.integer({ min: 0, max: 20 }),
        capLimit: fc.integer({ min: 0, max: 2 }),
      })
      .map(({ members, shifts, marks, weekLimit, capLimit }): RosterInput => {
        const candidates: RosterCandidate[] = [];
        const seen = new Set<string>();
        for (const [m, s, preference, rank] of marks) {
          const key = `${m % members},${s % shifts.length}`;
          if (seen.has(key)) continue;
          seen.add(key);
          candidates.push({
            member: m % members,
            shift: s % shifts.length,
            preference,
            rank: preference === 'want' ? rank : null,
            pin: null,
          });
        }
        const rosterShifts = shifts.map((shift, s) => ({
          id: `S${s}`,
          places: shift.places,
          start: shift.day * DAY + shift.startHour * 60,
          end: shift.day * DAY + (shift.startHour + shift.length) * 60,
          hardHours: shift.hard ? shift.length : 0,
          intervals: [s],
          nominalValue: 0.001 * shift.length,
        }));
        // Limits like the backend's: hours per member, and department 'D' (even members) at most
        // capLimit people on shift S0 at once.
        const limits: RosterLimit[] = Array.from({ length: members }, (_, m) => {
          const mine = candidates.map((c, p) => ({ c, p })).filter(({ c }) => c.member === m);
          return {
            candidates: mine.map(({ p }) => p),
            coefficients: mine.map(
              ({ c }) => rosterShifts[c.shift].end / 60 - rosterShifts[c.shift].start / 60,
            ),
            max: weekLimit,
            reason: 'weekly hours',
          };
        });
        limits.push({
          candidates: candidates.flatMap((c, p) => (c.member % 2 === 0 && c.shift === 0 ? [p] : [])),
          max: capLimit,
          reason: 'department cap',
        });
        return {
          shifts: rosterShifts,
          intervals: shifts.map((shift) => ({
            placeValues: [shift.value, shift.value / 2, shift.value / 4],
          })),
          members: Array.from({ length: members }, (_, m) => ({
            id: `M${m}`,
            department: m % 2 ? 'D' : 'E',
            points: 0,
          })),
          candidates,
          limits,
          restMinutes: REST,
        };
      });
    await fc.assert(
      fc.asyncProperty(instance, async (input) => {
        const roster = await allocateRoster(input, options);
        expectRulesKept(input, roster.given);
        // The fairness stage's start keeps every rule and every shift's count too.
        const swapped = fairSwaps(input, roster.given);
        expectRulesKept(input, swapped);
        input.shifts.forEach((_, s) =>
          expect(swapped.filter((p) => input.candidates[p].shift === s).length).toBe(
            roster.given.filter((p) => input.candidates[p].shift === s).length,
          ),
        );
        // The same input, the same roster.
        expect((await allocateRoster(input, options)).given).toEqual(roster.given);
      }),
      { numRuns: 40, seed: 20261224 },
    );
  }, 180_000);
});

function expectRulesKept(input: RosterInput, givenList: number[]): void {
  const given = givenList.map((p) => input.candidates[p]);
  // Places.
  input.shifts.forEach((shift, s) =>
    expect(given.filter((c) => c.shift === s).length).toBeLessThanOrEqual(shift.places),
  );
  // Rest and overlap.
  for (const a of given)
    for (const b of given)
      if (a !== b && a.member === b.member) {
        const [first, second] = [input.shifts[a.shift], input.shifts[b.shift]].sort(
          (x, y) => x.start - y.start,
        );
        expect(second.start - first.end).toBeGreaterThanOrEqual(REST);
      }
  // Limits.
  for (const limit of input.limits) {
    const used = limit.candidates.reduce(
      (sum, p, e) => sum + (givenList.includes(p) ? (limit.coefficients?.[e] ?? 1) : 0),
      0,
    );
    expect(used).toBeLessThanOrEqual(limit.max + 1e-9);
  }
}
