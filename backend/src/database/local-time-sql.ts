/* Local time in SQL, written once. The product's one clock is ZoneClock (@peakplan/forecasting), and
 * instants pass between layers as epoch milliseconds: a filter on local days gets its bounds from
 * ZoneClock.dayStart (see localDayRange) and a row's local date and minute are derived from its instant
 * in TypeScript. SQL computes a local date only where rows are grouped or joined by local day inside
 * the database — thousands of quarter-hour rows summed to one row per day, which never leave it — and
 * then through these expressions, which tests/api/local-time-sql.api.spec.ts holds to ZoneClock. */
import { addDays, ZoneClock } from '@peakplan/forecasting';

/** SQL `date`: the local calendar date of the timestamptz `instant` in the IANA zone `zone`. */
export function localDateSql(instant: string, zone: string): string {
  return `(${instant} at time zone ${zone})::date`;
}

/** The same as text `YYYY-MM-DD` (node-postgres would turn a `date` into a Date at UTC midnight). */
export function localDateTextSql(instant: string, zone: string): string {
  return `to_char(${localDateSql(instant, zone)}, 'YYYY-MM-DD')`;
}

/**
 * SQL timestamptz: the instant the local day `date` (a SQL `date` expression) starts in `zone`, for
 * bounds that come from other rows (a per-queue range). Bounds known before the query are computed by
 * ZoneClock.dayStart instead and passed with {@link instantSql}.
 */
export function localDayStartSql(date: string, zone: string): string {
  return `((${date})::timestamp at time zone ${zone})`;
}

/** SQL timestamptz of an epoch-milliseconds parameter (`$3`) or expression. */
export function instantSql(epochMs: string): string {
  return `to_timestamp(${epochMs}::float8 / 1000)`;
}

/** SQL float8: the epoch milliseconds of a timestamptz, which node-postgres hands over as a number. */
export function epochMsSql(instant: string): string {
  return `(extract(epoch from ${instant}) * 1000)::float8`;
}

/** `column` within [from, to) given as epoch-millisecond parameters, e.g. `$3` and `$4`. */
export function instantRangeSql(column: string, from: string, to: string): string {
  return `${column} >= ${instantSql(from)} and ${column} < ${instantSql(to)}`;
}

/**
 * The instants [start, end) of the local days `from` to `to` (inclusive) as epoch milliseconds: the
 * parameters of {@link instantRangeSql}. A clock-change day holds 23 or 25 hours.
 */
export function localDayRange(timeZone: string | ZoneClock, from: string, to: string): [number, number] {
  const clock = typeof timeZone === 'string' ? new ZoneClock(timeZone) : timeZone;
  return [clock.dayStart(from), clock.dayStart(addDays(to, 1))];
}
