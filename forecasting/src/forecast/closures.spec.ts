import { eventPresets } from '../calendar';
import { fitDailyModel, forecastDaily } from './daily-model';
import { generateDemoHistory } from './demo-history';

describe('closures learned from the history', () => {
  // The demo shop is closed on Sundays, 1 Jan and 25–26 Dec. Close it also on Easter Monday
  // (a public holiday from date-holidays, NL: 2025-04-21) and open it on 1 Jan 2026.
  const history = generateDemoHistory(9, '2024-01-01', 2 * 365 + 10).map((row) => {
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
