import { addDays, dayOfWeek, daysBetween } from '../calendar';

import { generateDemoHistory } from './demo-history';
import { DEMO_QUEUES } from './demo-queues';

const phone = DEMO_QUEUES.filter((queue) => queue.name === 'phone');

function dailyTotals(from: string, to: string, seed = 7): Map<string, number> {
  const totals = new Map<string, number>();
  let date = from;
  for (const rows of generateDemoHistory({ from, to, timeZone: 'Europe/Amsterdam', seed, queues: phone })) {
    totals.set(
      date,
      rows.reduce((sum, row) => sum + row.offered, 0),
    );
    date = addDays(date, 1);
  }
  return totals;
}

/** The busiest day between two dates (inclusive). */
function busiest(totals: Map<string, number>, from: string, to: string): string {
  let best = from;
  for (let date = from; date <= to; date = addDays(date, 1))
    if (totals.get(date)! > totals.get(best)!) best = date;
  return best;
}

describe('generateDemoHistory', () => {
  const totals = dailyTotals('2022-01-01', '2025-12-31');

  // Dates from the calendar: Valentine's is 14 Feb; Dutch Mother's Day the second Sunday of May
  // (2022-05-08, 2023-05-14, 2024-05-12, 2025-05-11); Christmas 25 Dec.
  it.each([2022, 2023, 2024, 2025])('puts the Valentine peak in the days just before 14 Feb %i', (year) => {
    const peak = busiest(totals, `${year}-01-15`, `${year}-03-15`);
    expect(daysBetween(peak, `${year}-02-14`)).toBeGreaterThanOrEqual(1);
    expect(daysBetween(peak, `${year}-02-14`)).toBeLessThanOrEqual(4);
  });

  it.each([
    [2022, '2022-05-08'],
    [2023, '2023-05-14'],
    [2024, '2024-05-12'],
    [2025, '2025-05-11'],
  ])('puts the Mother’s Day peak in the week before the second Sunday of May %i', (year, mothersDay) => {
    expect(dayOfWeek(mothersDay)).toBe(0);
    const peak = busiest(totals, `${year}-04-15`, `${year}-05-31`);
    expect(daysBetween(peak, mothersDay)).toBeGreaterThanOrEqual(1);
    expect(daysBetween(peak, mothersDay)).toBeLessThanOrEqual(6);
  });

  it.each([2022, 2023, 2024, 2025])('builds up to Christmas %i and closes on 25 and 26 December', (year) => {
    const peak = busiest(totals, `${year}-11-01`, `${year}-12-31`);
    expect(daysBetween(peak, `${year}-12-25`)).toBeGreaterThanOrEqual(2);
    expect(daysBetween(peak, `${year}-12-25`)).toBeLessThanOrEqual(10);
    expect(totals.get(`${year}-12-25`)).toBe(0);
    expect(totals.get(`${year}-12-26`)).toBe(0);
  });

  it('grows year on year and has a quiet Sunday', () => {
    const sum = (year: number) =>
      [...totals].filter(([date]) => date.startsWith(`${year}-09`)).reduce((s, [, v]) => s + v, 0);
    expect(sum(2025) / sum(2022)).toBeGreaterThan(1.1);
    // Sunday 7 Sep 2025 against Monday 8 Sep 2025.
    expect(totals.get('2025-09-07')! / totals.get('2025-09-08')!).toBeLessThan(0.6);
  });

  it('is reproducible from its seed and changes with another seed', () => {
    expect(dailyTotals('2024-02-01', '2024-02-10')).toEqual(dailyTotals('2024-02-01', '2024-02-10'));
    expect(dailyTotals('2024-02-01', '2024-02-10', 8)).not.toEqual(dailyTotals('2024-02-01', '2024-02-10'));
  });

  it('follows the local clock on daylight-saving days: 92 and 100 quarter-hours, same opening hours', () => {
    const rowsOn = (date: string, queueName: string) =>
      [
        ...generateDemoHistory({
          from: date,
          to: date,
          timeZone: 'Europe/Amsterdam',
          seed: 1,
          queues: DEMO_QUEUES.filter((queue) => queue.name === queueName),
        }),
      ][0];
    // Europe/Amsterdam: clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(rowsOn('2026-03-29', 'email')).toHaveLength(92);
    expect(rowsOn('2026-10-25', 'email')).toHaveLength(100);
    expect(rowsOn('2026-10-26', 'email')).toHaveLength(96);
    // The phone opens 08:00-21:00 local: 52 quarter-hours, 08:00 CEST = 06:00 UTC, 08:00 CET = 07:00 UTC.
    const spring = rowsOn('2026-03-29', 'phone');
    expect(spring).toHaveLength(52);
    expect(new Date(spring[0].intervalStartMs).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(new Date(rowsOn('2026-03-28', 'phone')[0].intervalStartMs).toISOString()).toBe(
      '2026-03-28T07:00:00.000Z',
    );
  });
});
