import { isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2026-02-28', '1900-01-01', '9999-12-31', '2026-12-31', '2026-04-30'])(
    'accepts the real day %s',
    (date) => expect(isCalendarDate(date)).toBe(true),
  );

  // 2025 and 1900 are not leap years (1900: divisible by 100, not by 400); April has 30 days.
  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '0000-01-01',
    '1899-12-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026-1-01',
    ' 2026-01-01',
    '20260101',
  ])('refuses %s', (date) => expect(isCalendarDate(date)).toBe(false));

  it('refuses what is not a string', () => {
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(['2026-01-01'])).toBe(false);
  });
});
