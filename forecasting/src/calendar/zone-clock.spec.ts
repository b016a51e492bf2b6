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
