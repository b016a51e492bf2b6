import type { DailyForecastDay } from './daily-model';
import { buildIntradayProfiles } from './intraday-profile';
import { parseHistoryCsv } from './parse-history-csv';
import { spreadIntraday } from './spread-intraday';

const day = (date: string, p50: number, events: string[] = []): DailyForecastDay => ({
  date,
  p10: p50 * 0.8,
  p50,
  p90: p50 * 1.2,
  closed: p50 === 0,
  events,
});
const allDay = new Array(7).fill({ open: '00:00', close: '24:00' });

describe('spreadIntraday', () => {
  it('gives 92 quarter-hours on the spring-forward day and 100 on the fall-back day (Europe/Amsterdam)', () => {
    // EU summer time 2026: starts Sunday 29 March 02:00 → 03:00, ends Sunday 25 October 03:00 → 02:00.
    const { intervals } = spreadIntraday(
      [day('2026-03-29', 920), day('2026-10-25', 1000), day('2026-06-01', 960)],
      {
        intervalMinutes: 15,
        openingHours: allDay,
      },
    );
    const count = (date: string) => intervals.filter((i) => i.start.startsWith(date)).length;
    expect(count('2026-03-29')).toBe(92);
    expect(count('2026-10-25')).toBe(100);
    expect(count('2026-06-01')).toBe(96);
    expect(intervals.filter((i) => i.start.startsWith('2026-03-29')).map((i) => i.start)).toContain(
      '2026-03-29T03:00:00+02:00',
    );
    // A flat day keeps its total: 920 over 92 quarters = 10 each.
    expect(intervals.find((i) => i.start === '2026-03-29T01:45:00+01:00')?.p50).toBeCloseTo(10, 9);
  });
  it('keeps the day total, respects opening hours, supports 30/60 minutes', () => {
    const hours = [null, ...new Array(6).fill({ open: '09:00', close: '17:00' })];
    const { intervals } = spreadIntraday([day('2026-11-23', 800)], {
      intervalMinutes: 30,
      openingHours: hours,
    });
    expect(intervals.length).toBe(48);
    expect(intervals.reduce((sum, i) => sum + i.p50, 0)).toBeCloseTo(800, 9);
    expect(intervals.filter((i) => i.p50 > 0).map((i) => i.start)[0]).toBe('2026-11-23T09:00:00+01:00');
    expect(intervals.filter((i) => i.p50 > 0).length).toBe(16);
    expect(() => spreadIntraday([], { intervalMinutes: 20 })).toThrow(/intervalMinutes/);
  });
  it('uses weekday profiles from history and separate event-day profiles', () => {
    // Two Mondays: ordinary day all at 09:00; the Monday in an event window all at 19:00.
    const text =
      'queue,start,offered\nq,2026-11-09T09:00:00+01:00,10\nq,2026-11-09T19:00:00+01:00,0\n' +
      'q,2026-11-16T09:00:00+01:00,0\nq,2026-11-16T19:00:00+01:00,10\n';
    const [history] = parseHistoryCsv(text).values();
    const profiles = buildIntradayProfiles(history.intervals, (date) =>
      date === '2026-11-16' ? 'promo' : undefined,
    );
    const options = { intervalMinutes: 60, profiles, openingHours: allDay };
    const ordinary = spreadIntraday([day('2026-11-23', 100)], options).intervals;
    const promo = spreadIntraday([day('2026-11-30', 100, ['promo'])], options).intervals;
    expect(ordinary.find((i) => i.start === '2026-11-23T09:00:00+01:00')?.p50).toBeCloseTo(100, 9);
    expect(promo.find((i) => i.start === '2026-11-30T19:00:00+01:00')?.p50).toBeCloseTo(100, 9);
  });
});
