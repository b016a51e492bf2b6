import { DateTime } from 'luxon';

import { intervalGrid, ZoneClock } from './zone-clock';

describe('ZoneClock', () => {
  const amsterdam = new ZoneClock('Europe/Amsterdam');

  it('gives the local date and minute across both clock changes of 2026', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(amsterdam.local(Date.parse('2026-03-29T00:59:00Z'))).toEqual({
      date: '2026-03-29',
      minuteOfDay: 119,
    });
    expect(amsterdam.local(Date.parse('2026-03-29T01:00:00Z'))).toEqual({
      date: '2026-03-29',
      minuteOfDay: 180,
    });
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC, so 02:30 local happens twice.
    expect(amsterdam.local(Date.parse('2026-10-25T00:30:00Z')).minuteOfDay).toBe(150);
    expect(amsterdam.local(Date.parse('2026-10-25T01:30:00Z')).minuteOfDay).toBe(150);
    expect(amsterdam.offsetMinutes(Date.parse('2026-10-25T00:30:00Z'))).toBe(120);
    expect(amsterdam.offsetMinutes(Date.parse('2026-10-25T01:30:00Z'))).toBe(60);
  });

  it('puts an instant on the local date of its zone, not of UTC', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Amsterdam and 18:30 on 1 December in New York.
    const instant = Date.parse('2026-12-01T23:30:00Z');
    expect(amsterdam.local(instant)).toEqual({ date: '2026-12-02', minuteOfDay: 30 });
    expect(new ZoneClock('America/New_York').local(instant)).toEqual({
      date: '2026-12-01',
      minuteOfDay: 1110,
    });
    expect(amsterdam.iso(instant)).toBe('2026-12-02T00:30:00+01:00');
  });
});

describe('ZoneClock.offsetMinutes', () => {
  it('agrees with luxon at every quarter-hour of 2026 in zones with odd offsets and half-hour changes', () => {
    // Lord Howe moves by 30 minutes, Kathmandu is +05:45, St John's −03:30 with daylight saving.
    for (const zone of ['Europe/Amsterdam', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns']) {
      const clock = new ZoneClock(zone);
      const wrong: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
        const expected = DateTime.fromMillis(ms, { zone }).offset;
        if (clock.offsetMinutes(ms) !== expected) wrong.push(new Date(ms).toISOString());
      }
      expect({ zone, wrong: wrong.slice(0, 3) }).toEqual({ zone, wrong: [] });
    }
  });
});

describe('ZoneClock.dayStarts', () => {
  it('steps a clock-change day in absolute time: the local 02:00–02:45 of 29 March 2026 never happen', () => {
    const clock = new ZoneClock('Europe/Amsterdam');
    const minutes = clock.dayStarts('2026-03-29', 15).map((ms) => clock.local(ms).minuteOfDay);
    // 00:00 … 01:45 (8 quarter-hours), then 03:00 … 23:45 (84): 92 in all.
    expect(minutes.slice(6, 10)).toEqual([90, 105, 180, 195]);
    expect(minutes).toHaveLength(92);
    // 25 October: 02:00–02:45 happen twice (100 quarter-hours), the second time an hour later in UTC.
    const autumn = clock.dayStarts('2026-10-25', 15);
    expect(autumn).toHaveLength(100);
    expect(autumn.map((ms) => clock.local(ms).minuteOfDay).filter((minute) => minute === 120)).toHaveLength(
      2,
    );
  });
});

describe('ZoneClock.dayStart', () => {
  it('gives the instant of local midnight on both sides of the 2026 clock changes', () => {
    // Hand-derived: Amsterdam is UTC+1 (CET) until 29 March 01:00 UTC and from 25 October 01:00 UTC,
    // UTC+2 (CEST) between; Sydney is UTC+11 (AEDT) until 5 April 16:00 UTC and from 3 October
    // 16:00 UTC, UTC+10 (AEST) between; Lord Howe moves by half an hour, +11 and +10:30, on the same
    // days; Kathmandu keeps +05:45. Local midnight minus the offset in force at midnight:
    const cases: [string, string, string][] = [
      ['Europe/Amsterdam', '2026-03-29', '2026-03-28T23:00:00Z'],
      ['Europe/Amsterdam', '2026-03-30', '2026-03-29T22:00:00Z'],
      ['Europe/Amsterdam', '2026-10-25', '2026-10-24T22:00:00Z'],
      ['Europe/Amsterdam', '2026-10-26', '2026-10-25T23:00:00Z'],
      ['Australia/Sydney', '2026-04-05', '2026-04-04T13:00:00Z'],
      ['Australia/Sydney', '2026-04-06', '2026-04-05T14:00:00Z'],
      ['Australia/Sydney', '2026-10-04', '2026-10-03T14:00:00Z'],
      ['Australia/Sydney', '2026-10-05', '2026-10-04T13:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-06', '2026-04-05T13:30:00Z'],
      ['Asia/Kathmandu', '2026-03-29', '2026-03-28T18:15:00Z'],
    ];
    for (const [zone, date, instant] of cases)
      expect({ zone, date, start: new Date(new ZoneClock(zone).dayStart(date)).toISOString() }).toEqual({
        zone,
        date,
        start: instant.replace('Z', '.000Z'),
      });
    // The day between two starts is 23 hours in spring and 25 in autumn.
    const amsterdam = new ZoneClock('Europe/Amsterdam');
    expect(amsterdam.dayStart('2026-03-30') - amsterdam.dayStart('2026-03-29')).toBe(23 * 3_600_000);
    expect(amsterdam.dayStart('2026-10-26') - amsterdam.dayStart('2026-10-25')).toBe(25 * 3_600_000);
  });

  it("agrees with luxon on every day of 2026, and is the first of the day's interval starts", () => {
    for (const zone of ['Europe/Amsterdam', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago']) {
      const clock = new ZoneClock(zone);
      const wrong: string[] = [];
      for (
        let day = DateTime.fromISO('2026-01-01', { zone: 'UTC' });
        day.year === 2026;
        day = day.plus({ days: 1 })
      ) {
        const date = day.toISODate()!;
        const start = clock.dayStart(date);
        if (start !== DateTime.fromISO(date, { zone }).toMillis() || start !== clock.dayStarts(date, 15)[0])
          wrong.push(date);
        if (clock.local(start).date !== date) wrong.push(`${date} local`);
      }
      expect({ zone, wrong }).toEqual({ zone, wrong: [] });
    }
  });

  it('refuses what is not a date', () => {
    const clock = new ZoneClock('Europe/Amsterdam');
    expect(() => clock.dayStart('2026-02-30')).toThrow(/not a date/);
    expect(() => clock.dayStart('2026-02-14T10:00')).toThrow(/not a date/);
  });
});

describe('intervalGrid', () => {
  it('gives daylight-saving days 92 and 100 quarter-hours in Amsterdam', () => {
    // 2026-03-29: clocks go 02:00 → 03:00 (23 h = 92 × 15 min); 2026-10-25: 03:00 → 02:00 (25 h = 100).
    expect(intervalGrid(['2026-03-29'], 15, 'Europe/Amsterdam').startMs).toHaveLength(92);
    expect(intervalGrid(['2026-10-25'], 15, 'Europe/Amsterdam').startMs).toHaveLength(100);
    const grid = intervalGrid(['2026-02-14'], 60, 'Europe/Amsterdam');
    expect(grid.starts[10]).toBe('2026-02-14T10:00:00+01:00');
    expect(grid.localDates.every((date) => date === '2026-02-14')).toBe(true);
  });

  it('refuses an interval that does not divide a day, and a date that is not one', () => {
    expect(() => intervalGrid(['2026-02-14'], 7, 'Europe/Amsterdam')).toThrow(/divide a day/);
    expect(() => intervalGrid(['2026-02-30'], 15, 'Europe/Amsterdam')).toThrow(/not a date/);
  });
});
