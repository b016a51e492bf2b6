import { analyseReasons } from './reason-analysis';
import { reasonSharesByDay } from './reason-mix-by-offset';
import { reasonStaffingHours, scheduledHours } from './reason-staffing-hours';
import { qualityRates } from './service-quality';

describe('analyseReasons', () => {
  // A 5-day window against 10 ordinary days.
  // order-status: 60 at the peak, 40 ordinary → 12/day against 4/day: growth 3;
  //   extra = 60 − 40·5/10 = 40.
  // other: 40 at the peak, 60 ordinary → 8/day against 6/day: growth 4/3; extra = 40 − 30 = 10.
  // Total extra 50: extraShare 40/50 = 0.8 and 10/50 = 0.2. Peak shares 60/100, 40/100.
  const rows = analyseReasons(
    [
      { reason: 'order-status', peakContacts: 60, ordinaryContacts: 40 },
      { reason: 'other', peakContacts: 40, ordinaryContacts: 60 },
    ],
    5,
    10,
  );

  it('gives shares, growth and the part of the extra contacts', () => {
    expect(rows[0]).toEqual({
      reason: 'order-status',
      peakContacts: 60,
      peakShare: 0.6,
      ordinaryShare: 0.4,
      growth: 3,
      extraShare: 0.8,
    });
    expect(rows[1].growth).toBeCloseTo(4 / 3, 12);
    expect(rows[1].extraShare).toBeCloseTo(0.2, 12);
    expect(rows[0].peakShare + rows[1].peakShare).toBe(1);
  });

  it('gives a shrinking reason a negative part of the extra, and no growth without ordinary contacts', () => {
    // a: 30 peak (2 days), 10 ordinary (2 days) → extra 20; b: 0 peak, 10 ordinary → extra −10;
    // c: 5 peak, 0 ordinary → extra 5, growth null. Total extra 15: 20/15, −10/15, 5/15.
    const [a, b, c] = analyseReasons(
      [
        { reason: 'a', peakContacts: 30, ordinaryContacts: 10 },
        { reason: 'b', peakContacts: 0, ordinaryContacts: 10 },
        { reason: 'c', peakContacts: 5, ordinaryContacts: 0 },
      ],
      2,
      2,
    );
    expect(a.extraShare).toBeCloseTo(4 / 3, 12);
    expect(b.extraShare).toBeCloseTo(-2 / 3, 12);
    expect(c.extraShare).toBeCloseTo(1 / 3, 12);
    expect(c.growth).toBeNull();
    expect(b.growth).toBe(0);
  });

  it('names a bad argument', () => {
    expect(() => analyseReasons([], 0, 1)).toThrow(/peakDays/);
    expect(() => analyseReasons([{ reason: 'x', peakContacts: -1, ordinaryContacts: 0 }], 1, 1)).toThrow(
      /counts\[0\]\.peakContacts/,
    );
  });
});

describe('reasonSharesByDay', () => {
  const keyOf = (date: string) => (date.endsWith('-02-11') ? 'valentines:-3' : null);
  const past = [
    { date: '2025-02-11', reason: 'order-status', offered: 30 },
    { date: '2025-02-11', reason: 'other', offered: 10 },
    { date: '2024-02-11', reason: 'order-status', offered: 20 },
    { date: '2024-02-11', reason: 'other', offered: 20 },
    { date: '2025-03-01', reason: 'order-status', offered: 10 },
    { date: '2025-03-01', reason: 'other', offered: 30 },
  ];

  it('pools the same event offset over past years, and ordinary days for the rest', () => {
    // valentines:-3: order-status 30 + 20 = 50 of 80 → 0.625; other 30/80 = 0.375.
    // ordinary: 10 of 40 → 0.25; other 0.75.
    expect(reasonSharesByDay(past, ['2026-02-11', '2026-03-04'], keyOf)).toEqual([
      { 'order-status': 0.625, other: 0.375 },
      { 'order-status': 0.25, other: 0.75 },
    ]);
  });

  it('falls back to the ordinary mix for an offset without history, and to nothing without any', () => {
    const onlyOrdinary = past.filter((count) => count.date === '2025-03-01');
    expect(reasonSharesByDay(onlyOrdinary, ['2026-02-11'], keyOf)).toEqual([
      { 'order-status': 0.25, other: 0.75 },
    ]);
    expect(reasonSharesByDay([], ['2026-02-11'], keyOf)).toEqual([{}]);
  });
});

describe('reasonStaffingHours', () => {
  // Deferred, 60-minute intervals, AHT 360 s, occupancy 1: one agent clears 10 contacts an hour.
  // Day 0: 40 and 25 contacts → ceil(4) + ceil(2.5) = 7 agent-hours.
  // Without reason a (half of day 0): 20 and 12.5 → 2 + ceil(1.25) = 4; a costs 3 hours.
  const deferred = { kind: 'deferred' as const, intervalMinutes: 60, ahtSeconds: 360 };

  it('takes each reason out of its days and restaffs', () => {
    expect(scheduledHours([40, 25], deferred)).toBe(7);
    expect(reasonStaffingHours([40, 25], [0, 0], [{ a: 0.5, b: 0.5 }], ['a', 'b'], deferred)).toEqual({
      a: 3,
      b: 3,
    });
  });

  it('restaffs a live queue with Erlang C', () => {
    // Erlang C worked example (staffIntervals' own): 100 calls in 30 min, AHT 180 s, 80% in 20 s → 14
    // agents, 7 hours; the reason is all of the day, so without it no one is needed.
    const live = {
      kind: 'live' as const,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetSeconds: 20,
      serviceLevel: 0.8,
    };
    expect(reasonStaffingHours([100], [0], [{ all: 1 }], ['all'], live)).toEqual({ all: 7 });
  });
});

describe('qualityRates', () => {
  it('uses only the rows that measured each rate', () => {
    // Row 1: 100 contacts, 12 repeats, NPS 5/3/2, no transfers measured.
    // Row 2: 50 contacts, no repeats measured, 5 transferred, CSAT 8 of 10 satisfied.
    // Repeat rate 12/100 (row 2 left out); transfer rate 5/50; NPS 100·(5 − 2)/10 = 30; CSAT 0.8.
    expect(
      qualityRates([
        {
          offered: 100,
          repeatContacts: 12,
          transferred: null,
          npsPromoters: 5,
          npsPassives: 3,
          npsDetractors: 2,
          csatResponses: null,
          csatSatisfied: null,
        },
        {
          offered: 50,
          repeatContacts: null,
          transferred: 5,
          npsPromoters: null,
          npsPassives: null,
          npsDetractors: null,
          csatResponses: 10,
          csatSatisfied: 8,
        },
      ]),
    ).toEqual({
      contacts: 150,
      repeatRate: 0.12,
      transferRate: 0.1,
      nps: 30,
      npsAnswers: 10,
      csat: 0.8,
      csatResponses: 10,
    });
  });
});
