import { describeEventRule, upcomingOccurrences } from './event-rule-text';
import { draftProblem, draftRule, draftToRequest, EMPTY_EVENT_DRAFT, eventToDraft } from './event-draft';

describe('describeEventRule', () => {
  it('says each kind of rule in words', () => {
    expect(describeEventRule({ kind: 'fixed', month: 2, day: 14 })).toBe('14 February every year');
    expect(describeEventRule({ kind: 'nth-weekday', month: 5, weekday: 0, n: 2 })).toBe('2nd Sunday of May');
    expect(describeEventRule({ kind: 'last-weekday', month: 8, weekday: 5 })).toBe('last Friday of August');
    expect(describeEventRule({ kind: 'easter-offset', days: -21 })).toBe('21 days before Easter Sunday');
    expect(describeEventRule({ kind: 'one-off', dates: ['2026-04-02'] })).toBe('once, on 2026-04-02');
    expect(
      describeEventRule({ kind: 'day-after', rule: { kind: 'nth-weekday', month: 11, weekday: 4, n: 4 } }),
    ).toBe('the day after the 4th Thursday of November');
  });
});

describe('upcomingOccurrences', () => {
  it('gives the next dates on or after today with their windows', () => {
    // Mother's Day NL = 2nd Sunday of May: 10 May 2026, 9 May 2027, 14 May 2028 (hand-checked calendars).
    const { occurrences, problem } = upcomingOccurrences(
      { kind: 'nth-weekday', month: 5, weekday: 0, n: 2 },
      7,
      1,
      '2026-03-01',
    );
    expect(problem).toBeNull();
    expect(occurrences).toEqual([
      { date: '2026-05-10', windowFrom: '2026-05-03', windowTo: '2026-05-11' },
      { date: '2027-05-09', windowFrom: '2027-05-02', windowTo: '2027-05-10' },
      { date: '2028-05-14', windowFrom: '2028-05-07', windowTo: '2028-05-15' },
    ]);
  });

  it('counts today itself, and gives a one-off only its future dates', () => {
    const { occurrences } = upcomingOccurrences(
      { kind: 'one-off', dates: ['2026-02-01', '2026-03-01', '2026-04-01'] },
      0,
      0,
      '2026-03-01',
    );
    expect(occurrences.map((entry) => entry.date)).toEqual(['2026-03-01', '2026-04-01']);
  });

  it('reports the reason for a rule the calendar refuses', () => {
    const { occurrences, problem } = upcomingOccurrences(
      { kind: 'fixed', month: 13, day: 1 },
      0,
      0,
      '2026-01-01',
    );
    expect(occurrences).toEqual([]);
    expect(problem).toMatch(/rule.month/);
  });
});

describe('event draft', () => {
  it('builds the rule of each kind from the one draft', () => {
    const draft = { ...EMPTY_EVENT_DRAFT, name: ' Black Friday ', month: 11, weekday: 4, n: 4 };
    expect(draftRule({ ...draft, kind: 'day-after', innerKind: 'nth-weekday', shiftDays: 1 })).toEqual({
      kind: 'day-after',
      rule: { kind: 'nth-weekday', month: 11, weekday: 4, n: 4 },
      days: 1,
    });
    expect(draftRule({ ...draft, kind: 'one-off', dates: '2026-04-09, 2026-04-02\n2026-04-02' })).toEqual({
      kind: 'one-off',
      dates: ['2026-04-02', '2026-04-09'],
    });
    expect(draftToRequest({ ...draft, region: 'be-van' })).toMatchObject({
      name: 'Black Friday',
      region: 'BE-VAN',
    });
    expect(draftToRequest(draft).region).toBeNull();
  });

  it('reads a stored event back into the same rule', () => {
    const rule = {
      kind: 'day-after' as const,
      rule: { kind: 'last-weekday' as const, month: 8, weekday: 5 },
      days: 3,
    };
    const draft = eventToDraft({
      id: 'e',
      key: 'k',
      name: 'After school',
      rule,
      windowBefore: 2,
      windowAfter: 1,
      country: 'NL',
      region: null,
      closed: false,
      retiredAt: null,
    });
    expect(draftRule(draft)).toEqual(rule);
  });

  it('names what is missing before saving', () => {
    expect(draftProblem(EMPTY_EVENT_DRAFT)).toBe('Give the event a name.');
    expect(draftProblem({ ...EMPTY_EVENT_DRAFT, name: 'x', windowBefore: 61 })).toMatch(/Days before/);
    expect(draftProblem({ ...EMPTY_EVENT_DRAFT, name: 'x', kind: 'one-off', dates: '' })).toMatch(
      /at least one/,
    );
    expect(draftProblem({ ...EMPTY_EVENT_DRAFT, name: 'x', region: 'Holland' })).toMatch(/Region/);
    expect(draftProblem({ ...EMPTY_EVENT_DRAFT, name: 'x' })).toBeNull();
  });
});
