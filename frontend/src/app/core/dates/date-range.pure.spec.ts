import {
  addDays,
  addYears,
  calendarDateIn,
  dateRangeProblem,
  enumerateDates,
  isIsoDate,
  lastDaysRange,
  lastYearsRange,
} from './date-range';

describe('date-range', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
  });

  it('adds years, falling back from 29 February to 28 February', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2025-06-15', -2)).toBe('2023-06-15');
  });

  it('enumerates a range inclusively', () => {
    expect(enumerateDates('2024-12-30', '2025-01-02')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(enumerateDates('2025-01-02', '2025-01-01')).toEqual([]);
  });

  it('rejects a malformed date with the bad value in the message', () => {
    expect(() => enumerateDates('2025-1-1', '2025-01-02')).toThrow(/"2025-1-1"/);
  });

  it('defaults to the last two years up to yesterday (730 days outside a leap year)', () => {
    const range = lastYearsRange('2026-11-24');
    expect(range).toEqual({ from: '2024-11-24', to: '2026-11-23' });
    expect(enumerateDates(range.from, range.to)).toHaveLength(730);
  });

  it('gives the last N days up to yesterday', () => {
    expect(lastDaysRange('2026-11-24', 90)).toEqual({ from: '2026-08-26', to: '2026-11-23' });
  });

  it('explains why a range is unusable', () => {
    expect(dateRangeProblem({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(dateRangeProblem({ from: '', to: '2025-12-31' })).toMatch(/start date/);
    expect(dateRangeProblem({ from: '2025-01-01', to: 'x' })).toMatch(/end date/);
    expect(dateRangeProblem({ from: '2025-02-01', to: '2025-01-01' })).toMatch(/on or before/);
  });

  it("reads the calendar date in the organisation's time zone", () => {
    // 23:30 UTC on 24 Nov is already 25 Nov in Amsterdam (UTC+1 in winter).
    expect(calendarDateIn(new Date(Date.UTC(2026, 10, 24, 23, 30)), 'Europe/Amsterdam')).toBe('2026-11-25');
    expect(calendarDateIn(new Date(Date.UTC(2026, 10, 24, 23, 30)), 'UTC')).toBe('2026-11-24');
  });
});
