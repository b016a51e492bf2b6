import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CliUsageError } from '../cli-usage-error';
import { run as backtest } from './backtest.command';
import { run as events } from './events.command';
import { run as forecast } from './forecast.command';

const FIXTURE = join(__dirname, '../../../fixtures/demo-history.csv');
const INTERVALS = join(__dirname, '../../../fixtures/demo-intervals.csv');
const options = (entries: Record<string, string>) => new Map(Object.entries(entries));

beforeAll(() => jest.spyOn(process.stderr, 'write').mockImplementation(() => true));

describe('any country date-holidays knows', () => {
  it('lists Sweden’s events and accepts a Spanish or Bavarian forecast', async () => {
    const sweden = (await events(options({ country: 'se', year: '2026' }))) as {
      events: { id: string; date: string }[];
    };
    expect(sweden.events.find((event) => event.id === 'mothers-day')?.date).toBe('2026-05-31');
    for (const country of ['ES', 'DE-BY']) {
      const result = (await forecast(options({ input: FIXTURE, horizon: '7', country }))) as {
        days: unknown[];
      };
      expect(result.days).toHaveLength(7);
    }
  });
});

describe('peakplan forecast', () => {
  it('prints the contract JSON for the demo fixture', async () => {
    const result = (await forecast(options({ input: FIXTURE, horizon: '30', country: 'NL' }))) as {
      queue: string;
      model: string;
      warnings: string[];
      days: { date: string; p10: number; p50: number; p90: number }[];
    };
    expect(result.queue).toBe('phone');
    expect(result.days).toHaveLength(30);
    expect(result.days[0].date).toBe('2026-10-31'); // the day after the last history day
    for (const day of result.days) expect(day.p10 <= day.p50 && day.p50 <= day.p90).toBe(true);
  });
  it('adds intervals with --interval-minutes, and CSV with --format csv', async () => {
    const result = (await forecast(
      options({ input: INTERVALS, horizon: '2', 'interval-minutes': '30' }),
    )) as {
      intervals: { start: string; p50: number }[];
      days: { p50: number }[];
      intraday: { model: string; reason: string };
    };
    expect(result.intervals).toHaveLength(96);
    const total = result.intervals.reduce((sum, i) => sum + i.p50, 0);
    // The intraday backtest may choose a blend with the four-week average, whose day totals differ a little
    // from the daily model's; it says which forecaster it chose.
    const days = result.days[0].p50 + result.days[1].p50;
    expect(Math.abs(total - days)).toBeLessThan(0.1 * days);
    expect(result.intraday.model).toMatch(/peakplan|four-week-average|last-week/);
    const csv = (await forecast(options({ input: FIXTURE, horizon: '3', format: 'csv' }))) as string;
    expect(csv.split('\n')[0]).toBe('date,p10,p50,p90');
  });
  it.each([
    [{ horizon: '0' }, /--horizon/],
    [{ horizon: '10000' }, /--horizon/],
    [{ horizon: 'ten' }, /--horizon must be a number/],
    [{ horizon: '5', country: 'XX' }, /--country/],
    [{ horizon: '5', queue: 'email' }, /queue "email" is not in the input/],
    [{ horizon: '5', start: '2026-13-01' }, /--start/],
    [{ horizon: '5', start: '2025-01-01' }, /start must be after/],
    [{ horizon: '5', 'interval-minutes': '20' }, /--interval-minutes/],
    [{ horizon: '5', bogus: '1' }, /unknown option --bogus/],
  ])('rejects bad arguments %#', async (extra, message) => {
    const promise = forecast(options({ input: FIXTURE, ...extra }));
    await expect(promise).rejects.toThrow(CliUsageError);
    await expect(forecast(options({ input: FIXTURE, ...extra }))).rejects.toThrow(message);
  });
  it('names the bad row of a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakplan-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'queue,start,offered\nq,2026-01-01,3\nq,2026-01-02,-1\n');
    await expect(forecast(options({ input: file, horizon: '5' }))).rejects.toThrow(
      /row 3: offered must be ≥ 0/,
    );
    await expect(forecast(options({ input: join(dir, 'missing.csv'), horizon: '5' }))).rejects.toThrow(
      /--input/,
    );
  });
});

describe('peakplan backtest and events', () => {
  it('reports model and both baselines per window and overall', async () => {
    const result = (await backtest(options({ input: FIXTURE, 'lead-days': '28' }))) as {
      overall: Record<string, { wape: number }>;
      windows: unknown[];
    };
    expect(Object.keys(result.overall)).toEqual(['model', 'regression', 'seasonalNaive', 'eventUplift']);
    expect(result.windows.length).toBeGreaterThan(10);
  });
  it('borrows event effects with --events-from, and names a bad pairing of its options', async () => {
    // The chat's ten weeks cut before February: a queue that never saw Valentine's.
    const dir = mkdtempSync(join(tmpdir(), 'peakplan-'));
    const winter = join(dir, 'chat-winter.csv');
    const lines = readFileSync(INTERVALS, 'utf8').trimEnd().split('\n');
    writeFileSync(
      winter,
      [lines[0], ...lines.slice(1).filter((line) => line.split(',')[1] < '2026-02')].join('\n'),
    );
    const common = { input: winter, queue: 'chat', horizon: '28' };
    type Result = { warnings: string[]; days: { date: string; p50: number }[] };
    const alone = (await forecast(options(common))) as Result;
    const lent = (await forecast(options({ ...common, 'events-from': FIXTURE }))) as Result;
    const eve = (result: Result) => result.days.find((day) => day.date === '2026-02-13')!.p50;
    // The demo phone queue's three earlier Valentine's: the eve well above the no-uplift forecast.
    expect(eve(lent)).toBeGreaterThan(1.5 * eve(alone));
    expect(lent.warnings.join('\n')).toMatch(/Valentine's Day.*the uplift is phone's/);
    expect(alone.warnings.join('\n')).toMatch(/Valentine's Day.*without an event uplift/);
    await expect(forecast(options({ ...common, 'events-from-queue': 'phone' }))).rejects.toThrow(
      /--events-from-queue needs --events-from FILE/,
    );
    await expect(
      forecast(options({ ...common, 'events-from': FIXTURE, 'events-from-queue': 'x' })),
    ).rejects.toThrow(/demo-history.csv: .*x/);
  });
  it('lists the event dates for a country and year', async () => {
    const result = (await events(options({ country: 'NL', year: '2026' }))) as {
      events: { id: string; date: string }[];
    };
    expect(result.events.find((event) => event.id === 'mothers-day')?.date).toBe('2026-05-10');
    await expect(events(options({ country: 'NL', year: '20x6' }))).rejects.toThrow(/--year/);
  });
});
