import type { AllocationDto, AllocationObjectiveDto, PoolShiftDto } from '@peakplan/contracts';

import { changeLines, objectiveParts, pinsChanged, rosterRows, stageLines, withPin } from './roster-view';

/*
 * The roster of the API test (tests/api/pool-allocation.api.spec.ts): E1 Monday 18–22, D Tuesday 9–13,
 * E2 Wednesday 18–22, one place each. The first run gives E1 to A, D and E2 to B; A's want E2 went to
 * B. The re-run pins A in on E2 and out of E1: E1 goes to B, E2 to A.
 */
function shift(id: string, date: string, start: string, end: string): PoolShiftDto {
  return { id, date, start, end, skill: 'phone', places: 1 } as PoolShiftDto;
}
const e1 = shift('e1', '2027-01-11', '18:00', '22:00');
const d = shift('d', '2027-01-12', '09:00', '13:00');
const e2 = shift('e2', '2027-01-13', '18:00', '22:00');
const names = new Map([
  ['a', 'Anna de Vries'],
  ['b', 'Bram Jansen'],
]);

const firstRun: Pick<AllocationDto, 'assignments' | 'explanations' | 'changes' | 'pins'> = {
  assignments: [
    { shiftId: 'e1', memberId: 'a' },
    { shiftId: 'd', memberId: 'b' },
    { shiftId: 'e2', memberId: 'b' },
  ],
  explanations: [
    { memberId: 'a', shiftId: 'e1', outcome: 'given', reason: 'Given.' },
    {
      memberId: 'a',
      shiftId: 'e2',
      outcome: 'not-given',
      reason: 'Given to someone with fewer hard hours this peak.',
    },
  ],
  changes: null,
  pins: [],
};

describe('rosterRows: per shift who was given it and who marked it in vain', () => {
  it('lists the first run with names, and A’s want of E2 with its reason', () => {
    const rows = rosterRows([e1, d, e2], firstRun, [], names);
    expect(rows.map((row) => [row.shiftId, row.assigned.map((person) => person.name)])).toEqual([
      ['e1', ['Anna de Vries']],
      ['d', ['Bram Jansen']],
      ['e2', ['Bram Jansen']],
    ]);
    expect(rows[0].label).toBe('ma 11 jan 2027, 18:00–22:00 · phone');
    expect(rows[2].notGiven).toEqual([
      {
        memberId: 'a',
        name: 'Anna de Vries',
        pin: null,
        reason: 'Given to someone with fewer hard hours this peak.',
      },
    ]);
    // A "given" explanation is not a want in vain.
    expect(rows[0].notGiven).toEqual([]);
  });

  it('shows the pins being edited and marks the assignments the run added', () => {
    const pins = withPin(withPin([], 'e2', 'a', 'in'), 'e1', 'a', 'out');
    const rerun = {
      assignments: [
        { shiftId: 'e1', memberId: 'b' },
        { shiftId: 'd', memberId: 'b' },
        { shiftId: 'e2', memberId: 'a' },
      ],
      explanations: [
        { memberId: 'a', shiftId: 'e1', outcome: 'removed' as const, reason: 'Removed by a planner.' },
      ],
      changes: {
        previousId: 'first',
        added: [
          { shiftId: 'e1', memberId: 'b' },
          { shiftId: 'e2', memberId: 'a' },
        ],
        removed: [
          { shiftId: 'e1', memberId: 'a' },
          { shiftId: 'e2', memberId: 'b' },
        ],
      },
    };
    const rows = rosterRows([e1, d, e2], rerun, pins, names);
    expect(rows[2].assigned).toEqual([{ memberId: 'a', name: 'Anna de Vries', pin: 'in', added: true }]);
    expect(rows[1].assigned).toEqual([{ memberId: 'b', name: 'Bram Jansen', pin: null, added: false }]);
    expect(rows[0].notGiven).toEqual([
      { memberId: 'a', name: 'Anna de Vries', pin: 'out', reason: 'Removed by a planner.' },
    ]);
    expect(changeLines(rerun.changes, [e1, d, e2], names)).toEqual([
      'Bram Jansen now gets ma 11 jan 2027, 18:00–22:00 · phone.',
      'Anna de Vries now gets wo 13 jan 2027, 18:00–22:00 · phone.',
      'Anna de Vries no longer gets ma 11 jan 2027, 18:00–22:00 · phone.',
      'Bram Jansen no longer gets wo 13 jan 2027, 18:00–22:00 · phone.',
    ]);
  });

  it('names a member missing from the list by a short id', () => {
    const rows = rosterRows(
      [d],
      { ...firstRun, assignments: [{ shiftId: 'd', memberId: '0123456789abcdef' }] },
      [],
      names,
    );
    expect(rows[0].assigned[0].name).toBe('Member 01234567');
  });
});

describe('pins: one per member and shift; a change asks for a re-run', () => {
  it('replaces a pin, takes it away with null, and compares regardless of order', () => {
    const inThenOut = withPin(withPin([], 'e2', 'a', 'in'), 'e2', 'a', 'out');
    expect(inThenOut).toEqual([{ shiftId: 'e2', memberId: 'a', pin: 'out' }]);
    expect(withPin(inThenOut, 'e2', 'a', null)).toEqual([]);
    const run = {
      pins: [
        { shiftId: 'e1', memberId: 'a', pin: 'out' as const },
        { shiftId: 'e2', memberId: 'a', pin: 'in' as const },
      ],
    };
    expect(pinsChanged(run, [...run.pins].reverse())).toBe(false);
    expect(pinsChanged(run, run.pins.slice(1))).toBe(true);
    expect(pinsChanged(run, withPin(run.pins, 'e1', 'a', 'in'))).toBe(true);
  });
});

describe('the objective in words (nl-NL)', () => {
  // The first run above: no plan, so cover is 0.001 per filled place-hour: 3 places × 4 h = 0.012;
  // most hard hours 4 (one evening each); wants: A E1 (3 + 1/1) + B D (3) + can B E2 (1) = 8.
  const objective: AllocationObjectiveDto = {
    cover: 0.012,
    maxHardHours: 4,
    spread: 2,
    departmentRange: 0,
    wantsGiven: 2,
    wantsNotGiven: 1,
    cansGiven: 1,
    preferenceScore: 8,
    points: 0,
    stages: [
      { stage: 'cover', status: 'Optimal', objective: 0.012, bound: 0.012, gap: 0, seconds: 0.04 },
      {
        stage: 'preferences',
        status: 'Time limit reached',
        objective: 8,
        bound: null,
        gap: null,
        seconds: 30,
      },
    ],
  };

  it('lists the parts in the order they are optimised, with nl-NL decimals', () => {
    const parts = objectiveParts(objective);
    expect(parts.map((part) => part.label)).toEqual([
      'Cover',
      'Most hard hours',
      'Spread',
      'Department range',
      'Wants given',
      'Cans given',
      'Preference score',
      'Recognition points',
    ]);
    expect(parts[0].value).toBe('0,012');
    expect(parts[1].value).toBe('4,0 h');
    expect(parts[4]).toMatchObject({ value: '2', hint: '1 not given' });
    expect(parts[6].value).toBe('8,00');
  });

  it('gives each stage its gap, or says it ran out of time before a bound', () => {
    expect(stageLines(objective)).toEqual([
      {
        stage: 'cover',
        status: 'Optimal',
        objective: '0,012',
        bound: '0,012',
        gap: '0,00%',
        seconds: '0,0 s',
      },
      {
        stage: 'preferences',
        status: 'Time limit reached',
        objective: '8,000',
        bound: '–',
        gap: 'no bound (out of time)',
        seconds: '30,0 s',
      },
    ]);
  });
});
