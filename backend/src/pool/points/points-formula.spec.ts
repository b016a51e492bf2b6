import {
  DEFAULT_WEIGHTS,
  criticality,
  hardnessShares,
  shiftCriticality,
  shiftPoints,
  type ShiftBasis,
} from './points-formula';

const ORDINARY: ShiftBasis = {
  worked: true,
  paidHours: 4,
  criticality: 0,
  eveningShare: 0,
  weekendShare: 0,
  eventDayShare: 0,
  trainingCurrent: false,
  reliable: false,
  rating: null,
};
const AMSTERDAM = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('shiftPoints: hours weighted by how critical and how hard, plus quality', () => {
  it('gives an ordinary, uncritical weekday shift its hours only', () => {
    // 10 points/h × 4 h × (1 + 1 × 0) × (1 + 0) = 40; no quality part earned.
    expect(shiftPoints(ORDINARY, DEFAULT_WEIGHTS)).toEqual({
      shift: 40,
      quality: 0,
      criticalFactor: 1,
      hardnessFactor: 1,
    });
  });

  it('weights a half-critical evening shift and adds training, reliability and the rating', () => {
    // shift: 10 × 4 × (1 + 1 × 0.5) × (1 + 0.5 × 1) = 10 × 4 × 1.5 × 1.5 = 90
    // quality: training current 5 + reliable 5 + 4 stars × 2 = 18
    const points = shiftPoints(
      { ...ORDINARY, criticality: 0.5, eveningShare: 1, trainingCurrent: true, reliable: true, rating: 4 },
      DEFAULT_WEIGHTS,
    );
    expect(points.shift).toBe(90);
    expect(points.quality).toBe(18);
  });

  it('counts a Christmas Eve afternoon-into-evening shift with a break, fully critical', () => {
    // 3.5 paid hours (4 h less 30 min), criticality 1, evening 0.5 (18:00–20:00 of 16:00–20:00), event day 1:
    // 10 × 3.5 × (1 + 1) × (1 + 0.5 × 0.5 + 1 × 1) = 10 × 3.5 × 2 × 2.25 = 157.5 → 158
    const points = shiftPoints(
      { ...ORDINARY, paidHours: 3.5, criticality: 1, eveningShare: 0.5, eventDayShare: 1 },
      DEFAULT_WEIGHTS,
    );
    expect(points.shift).toBe(158);
    expect(points.hardnessFactor).toBeCloseTo(2.25, 10);
  });

  it('gives a no-show nothing, whatever the shift', () => {
    expect(
      shiftPoints(
        { ...ORDINARY, worked: false, criticality: 1, eveningShare: 1, trainingCurrent: true },
        DEFAULT_WEIGHTS,
      ),
    ).toMatchObject({ shift: 0, quality: 0 });
  });

  it('follows the admin’s weights', () => {
    // 20 × 2 × (1 + 2 × 0.25) × (1 + 1 × 0.5) = 20 × 2 × 1.5 × 1.5 = 90; quality 3 (rating 3 × 1).
    const weights = { ...DEFAULT_WEIGHTS, pointsPerHour: 20, critical: 2, weekend: 1, ratingPerStar: 1 };
    expect(
      shiftPoints({ ...ORDINARY, paidHours: 2, criticality: 0.25, weekendShare: 0.5, rating: 3 }, weights),
    ).toMatchObject({ shift: 90, quality: 3 });
  });
});

describe('criticality: the share of the places the plan’s gap needed', () => {
  it('averages min(1, gap / published) over the covered intervals', () => {
    // (2/4 + min(1, 6/4)) / 2 = (0.5 + 1) / 2 = 0.75
    expect(
      criticality([
        { poolGap: 2, published: 4 },
        { poolGap: 6, published: 4 },
      ]),
    ).toBe(0.75);
    // no gap at all: nobody was needed
    expect(criticality([{ poolGap: 0, published: 3 }])).toBe(0);
  });

  it('counts a shift without plan intervals as fully needed', () => {
    expect(criticality([])).toBe(1);
  });
});

describe('shiftCriticality: the plan intervals a shift covers', () => {
  it('takes only its own queue’s intervals that start within the shift', () => {
    // Shift phone 16:00–18:00 local (15:00Z–17:00Z). Counted: 16:00 (gap 1 of 2 → 0.5) and 17:45
    // (gap 3 of 2 → 1). Not counted: 15:45 (before), 18:00 (the end is not in it), and chat at 16:30.
    // (0.5 + 1) / 2 = 0.75
    const intervals = [
      { queue: 'phone', start: '2026-12-24T15:45:00+01:00', poolGap: 0, published: 2 },
      { queue: 'phone', start: '2026-12-24T16:00:00+01:00', poolGap: 1, published: 2 },
      { queue: 'chat', start: '2026-12-24T16:30:00+01:00', poolGap: 0, published: 1 },
      { queue: 'phone', start: '2026-12-24T17:45:00+01:00', poolGap: 3, published: 2 },
      { queue: 'phone', start: '2026-12-24T18:00:00+01:00', poolGap: 0, published: 2 },
    ];
    const shift = {
      skill: 'phone',
      startsAt: at('2026-12-24T15:00:00Z'),
      endsAt: at('2026-12-24T17:00:00Z'),
    };
    expect(shiftCriticality(intervals, shift)).toBe(0.75);
    expect(shiftCriticality(intervals, { ...shift, skill: 'email' })).toBe(1);
  });
});

describe('hardnessShares: evening, weekend and event-day shares in the organisation’s zone', () => {
  it('splits Christmas Eve 16:00–20:00 (a Thursday) into half evening, all event day', () => {
    // Amsterdam is UTC+1 in December: 16:00 local is 15:00Z.
    expect(
      hardnessShares(
        at('2026-12-24T15:00:00Z'),
        at('2026-12-24T19:00:00Z'),
        AMSTERDAM,
        new Set(['2026-12-24']),
      ),
    ).toEqual({
      eveningShare: 0.5,
      weekendShare: 0,
      eventDayShare: 1,
    });
  });

  it('counts a Friday-night shift past midnight: all night, half weekend', () => {
    // Friday 4 December 2026 22:00 to Saturday 02:00 local (21:00Z–01:00Z): 22–02 is all evening/night,
    // 00:00–02:00 (2 of 4 hours) falls on Saturday.
    expect(
      hardnessShares(at('2026-12-04T21:00:00Z'), at('2026-12-05T01:00:00Z'), AMSTERDAM, new Set()),
    ).toEqual({
      eveningShare: 1,
      weekendShare: 0.5,
      eventDayShare: 0,
    });
  });

  it('measures real time across the spring-forward night', () => {
    // Sunday 28 March 2027, 01:00–04:00 local is 00:00Z–02:00Z (02:00–03:00 does not exist): all of it
    // night (before 06:00) and weekend; no event.
    expect(
      hardnessShares(at('2027-03-28T00:00:00Z'), at('2027-03-28T02:00:00Z'), AMSTERDAM, new Set()),
    ).toEqual({
      eveningShare: 1,
      weekendShare: 1,
      eventDayShare: 0,
    });
  });

  it('refuses a shift that ends before it starts', () => {
    expect(() =>
      hardnessShares(at('2026-12-24T19:00:00Z'), at('2026-12-24T15:00:00Z'), AMSTERDAM, new Set()),
    ).toThrow(RangeError);
  });
});
