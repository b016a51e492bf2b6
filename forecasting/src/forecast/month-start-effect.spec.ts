import { slotCountsOf } from './interval-baselines';
import { isMonthStart, monthStartFactor } from './month-start-effect';

const day = (localDate: string, offered: number) => ({
  start: `${localDate}T09:00:00+02:00`,
  startMs: 0,
  localDate,
  localMinute: 540,
  offered,
});

describe('month-start days', () => {
  it('are days 1–3 of a month on a weekday', () => {
    expect(isMonthStart('2026-11-02')).toBe(true); // a Monday
    expect(isMonthStart('2026-08-01')).toBe(false); // a Saturday
    expect(isMonthStart('2026-09-04')).toBe(false);
  });

  // Three month-start days of 140 (Tue 1 Sep, Thu 1 Oct, Tue 1 Dec), each with one ordinary same weekday a
  // week later of 100: raw = 420 / 300 = 1.4, n = 3, shrunk: 1 + 0.4 · 3/(3 + 3) = 1.2. Mon 2 Nov has no
  // neighbour and does not count; Sat 1 Aug is no month-start day.
  const counts = slotCountsOf([
    day('2026-08-01', 500),
    day('2026-09-01', 140),
    day('2026-09-08', 100),
    day('2026-10-01', 140),
    day('2026-10-08', 100),
    day('2026-11-02', 900),
    day('2026-12-01', 140),
    day('2026-12-08', 100),
  ]);
  it('learns how much busier they are, shrunk toward 1', () => {
    expect(monthStartFactor(counts, '2027-01-01')).toBeCloseTo(1.2, 12);
  });
  it('uses only days before the origin, and stays 1 with fewer than three', () => {
    // Before 1 Dec only two month-start days are known; before 8 Dec the December day has no neighbour.
    expect(monthStartFactor(counts, '2026-12-01')).toBe(1);
    expect(monthStartFactor(counts, '2026-12-08')).toBe(1);
  });
});
