import { eventPresets } from '../calendar';
import { fitDailyModel, forecastDaily } from './daily-model';
import { syntheticPhoneHistory } from '../demo/synthetic-phone-history';

describe('closures learned from the history', () => {
  // The demo shop is closed on Sundays, 1 Jan and 25–26 Dec. Close it also on Easter Monday
  // (a public holiday from date-holidays, NL: 2025-04-21) and open it on 1 Jan 2026.
  const history = syntheticPhoneHistory(9, '2024-01-01', 2 * 365 + 10).map((row) => {
    if (row.date === '2025-04-21') return { ...row, offered: 0 };
    if (row.date === '2026-01-01') return { ...row, offered: 700 };
    return row;
  });
  const model = fitDailyModel(history, { country: 'NL', events: eventPresets('NL').slice(0, 2) });
  const forecast = forecastDaily(model, 400);
  const on = (date: string) => forecast.find((day) => day.date === date);

  it('closes next year’s Easter Monday, on its own date (2026-04-06), as a public holiday seen closed', () => {
    expect(on('2026-04-06')?.closed).toBe(true);
    expect(on('2026-04-06')?.p90).toBe(0);
  });
  it('keeps 1 Jan open after it was last seen open, and 25–26 Dec closed (closed two years running)', () => {
    expect(on('2027-01-01')?.closed).toBe(false);
    expect(on('2026-12-25')?.closed).toBe(true);
    expect(on('2026-12-26')?.p50).toBe(0);
  });
  it('learns Sunday as a closed weekday, and does not report closures as outliers', () => {
    expect(model.closedWeekdays).toEqual([0]);
    expect(model.outliers.map((day) => day.date)).not.toContain('2025-04-21');
  });
});

describe('closures by date rule when the closed days have no rows at all', () => {
  // As the backend's demo and many exports give it: no row for a day the centre was shut. The demo-like
  // history below has rows on every day except 25/26 Dec and 1 Jan (and Sundays, whose rows are 0).
  const closedDates = new Set(['12-25', '12-26', '01-01']);
  const history = syntheticPhoneHistory(11, '2022-11-01', 4 * 365).filter(
    (row) => !closedDates.has(row.date.slice(5)),
  );
  const model = fitDailyModel(history, { country: 'NL', events: eventPresets('NL') });
  const forecast = forecastDaily(model, 100);
  const on = (date: string) => forecast.find((day) => day.date === date)!;

  it('forecasts 0 with a 0 band on 25 and 26 Dec and 1 Jan, marked closed', () => {
    for (const date of ['2026-12-25', '2026-12-26', '2027-01-01']) {
      expect(on(date)).toMatchObject({ p10: 0, p50: 0, p90: 0, closed: true });
    }
    expect(on('2026-12-24').p50).toBeGreaterThan(100);
    expect(on('2026-12-28').closed).toBe(false);
  });
  it('does not report the closed days as gaps', () => {
    expect(model.gaps).toEqual([]);
    expect(model.warnings.join(' ')).not.toMatch(/gap/);
  });
  it('keeps a one-day data gap on an ordinary date open (it needs two years to close a date)', () => {
    const lost = history.filter((row) => row.date !== '2026-03-11');
    const next = forecastDaily(fitDailyModel(lost, { country: 'NL' }), 200);
    expect(next.find((day) => day.date === '2027-03-11')?.closed).toBe(false);
  });
});

describe('closed days a planner sets', () => {
  const history = syntheticPhoneHistory(12, '2023-01-02', 3 * 365);
  const valentines = eventPresets('NL').find((event) => event.id === 'valentines')!;
  const model = fitDailyModel(history, {
    country: 'NL',
    events: [{ ...valentines, closed: true }],
    // closed on 24 Dec and on Easter Monday (Easter 2026: 5 April, so 6 April)
    closedDays: [
      { kind: 'fixed', month: 12, day: 24 },
      { kind: 'easter-offset', days: 1 },
    ],
  });
  const forecast = forecastDaily(model, 400);
  const on = (date: string) => forecast.find((day) => day.date === date)!;

  it('closes the queue’s closed-day rules and the closed event’s date, though the history had volume', () => {
    for (const date of ['2026-12-24', '2026-02-14', '2026-04-06'])
      expect(on(date)).toMatchObject({ p10: 0, p50: 0, p90: 0, closed: true });
    expect(on('2026-02-13').closed).toBe(false); // the window around a closed event stays open
  });
  it('names a bad rule', () => {
    expect(() => fitDailyModel(history, { closedDays: [{ kind: 'fixed', month: 13, day: 1 }] })).toThrow(
      /closedDays\[0\]: rule.month/,
    );
  });
});
