/* The local-time SQL of backend/src/database/local-time-sql.ts against the product's clock (ZoneClock),
 * on the database the API tests run on (embedded, or the server when DATABASE_URL is set): the few
 * places that group by local day inside the database must put every instant on the day TypeScript does. */
import { DataSource } from 'typeorm';

import { addDays, ZoneClock } from '@peakplan/forecasting';

import { buildDataSourceOptions } from '@peakplan/backend/database/data-source-options';
import {
  epochMsSql,
  instantRangeSql,
  instantSql,
  localDateSql,
  localDateTextSql,
  localDayRange,
  localDayStartSql,
} from '@peakplan/backend/database/local-time-sql';
import { queryRows } from '@peakplan/backend/database/query-rows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const QUARTER_HOUR_MS = 15 * 60_000;

/** Local dates around the 2026 clock changes: Amsterdam 29 March and 25 October, Lord Howe (a half
 * hour, southern hemisphere) 5 April and 4 October; Kathmandu (+05:45) has none. */
const WINDOWS: [string, string][] = [
  ['2026-03-26', '2026-04-08'],
  ['2026-10-01', '2026-10-28'],
];
const ZONES = ['Europe/Amsterdam', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
/** Minutes the clock change adds to the local days of each window (spring, then autumn in Europe). */
const CHANGE_MINUTES: Record<string, [number, number]> = {
  'Europe/Amsterdam': [-60, 60],
  'Australia/Lord_Howe': [30, -30],
  'Asia/Kathmandu': [0, 0],
};

function datesOf([from, to]: [string, string]): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe('local-time SQL agrees with ZoneClock', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions(database.target, 1));
    await dataSource.initialize();
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it.each(ZONES)(
    'puts every quarter-hour across the 2026 clock changes on the same local date in %s',
    async (zone) => {
      const clock = new ZoneClock(zone);
      for (const window of WINDOWS) {
        const [start, end] = localDayRange(clock, window[0], window[1]);
        const instants: number[] = [];
        for (let ms = start; ms < end; ms += QUARTER_HOUR_MS) instants.push(ms);
        const rows = await queryRows<{ ms: number; date: string; same: boolean }>(
          dataSource,
          `select ${epochMsSql('t.instant')} as ms, ${localDateTextSql('t.instant', '$2')} as date,
                ${localDateSql('t.instant', '$2')} = ${localDateTextSql('t.instant', '$2')}::date as same
           from (select ${instantSql('ms')} as instant from unnest($1::float8[]) as ms) t`,
          [instants, zone],
        );
        expect(rows.map((row) => row.ms)).toEqual(instants);
        const wrong = rows
          .filter((row) => row.date !== clock.local(row.ms).date || !row.same)
          .map(
            (row) =>
              `${new Date(row.ms).toISOString()}: SQL ${row.date}, ZoneClock ${clock.local(row.ms).date}`,
          );
        expect({ zone, wrong: wrong.slice(0, 5) }).toEqual({ zone, wrong: [] });
        // Each window holds one day of 23 h or 25 h (Amsterdam) or 24.5 h or 23.5 h (Lord Howe).
        expect(instants.length).toBe(
          96 * datesOf(window).length + CHANGE_MINUTES[zone][WINDOWS.indexOf(window)] / 15,
        );
      }
    },
  );

  it.each(ZONES)('starts every local day at the same instant in %s', async (zone) => {
    const clock = new ZoneClock(zone);
    for (const window of WINDOWS) {
      const dates = datesOf(window);
      const rows = await queryRows<{ date: string; ms: number }>(
        dataSource,
        `select to_char(d, 'YYYY-MM-DD') as date, ${epochMsSql(localDayStartSql('d', '$2'))} as ms
           from unnest($1::date[]) as d order by d`,
        [dates, zone],
      );
      expect(rows).toEqual(dates.map((date) => ({ date, ms: clock.dayStart(date) })));
    }
  });

  it('filters a local-day range with bounds from ZoneClock as the day-bound SQL did', async () => {
    // Amsterdam's 25 October 2026 holds 25 hours: 100 quarter-hours pass the filter, the old SQL
    // bounds and the new parameters alike.
    const zone = 'Europe/Amsterdam';
    const [from, to] = localDayRange(zone, '2026-10-25', '2026-10-25');
    const [row] = await queryRows<{ by_parameters: number; by_sql: number }>(
      dataSource,
      `select count(*) filter (where ${instantRangeSql('t', '$2', '$3')})::int as by_parameters,
              count(*) filter (where t >= ${localDayStartSql(`'2026-10-25'::date`, '$1')}
                                 and t < ${localDayStartSql(`'2026-10-26'::date`, '$1')})::int as by_sql
         from generate_series('2026-10-23T00:00:00Z'::timestamptz, '2026-10-27T00:00:00Z', interval '15 minutes') t`,
      [zone, from, to],
    );
    expect(row).toEqual({ by_parameters: 100, by_sql: 100 });
  });
});
