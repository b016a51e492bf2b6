/* The one typed way to run hand-written SQL (docs/architecture.md, "Data access"). TypeORM's raw
 * `query()` returns `any`, and on PostgreSQL an UPDATE or DELETE comes back as `[rows, affected]`
 * instead of rows; these helpers name the row type once, at the call, and always hand back rows. */
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Anything that runs SQL: the data source, a transaction's entity manager, or a query runner. */
export type SqlRunner = DataSource | EntityManager | QueryRunner;

/** What the PostgreSQL driver returns for UPDATE and DELETE: the rows (RETURNING) and their count. */
type UpdateResult = [unknown[], number];

function isUpdateResult(raw: unknown): raw is UpdateResult {
  // A selected row is always an object, so a two-element array of (array, number) is the driver's
  // UPDATE/DELETE shape and never a result set.
  return Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number';
}

function run(runner: SqlRunner, sql: string, parameters: readonly unknown[]): Promise<unknown> {
  return (runner.query as (sql: string, parameters?: unknown[]) => Promise<unknown>).call(runner, sql, [
    ...parameters,
  ]);
}

/**
 * Runs `sql` and returns its rows typed as `T` (the caller's statement of what the SELECT list or
 * RETURNING clause holds: column names as written in the SQL, values as node-postgres gives them).
 */
export async function queryRows<T extends object>(
  runner: SqlRunner,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> {
  const raw = await run(runner, sql, parameters);
  const rows = isUpdateResult(raw) ? raw[0] : raw;
  if (!Array.isArray(rows)) throw new TypeError(`queryRows: the statement returned no rows array`);
  return rows as T[];
}

/** The first row of `sql`, or undefined when it returned none. */
export async function queryOne<T extends object>(
  runner: SqlRunner,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T | undefined> {
  const [first] = await queryRows<T>(runner, sql, parameters);
  return first;
}

/** Runs an UPDATE or DELETE and returns how many rows it changed. */
export async function queryAffected(
  runner: SqlRunner,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<number> {
  const raw = await run(runner, sql, parameters);
  if (!isUpdateResult(raw)) throw new TypeError('queryAffected: only UPDATE and DELETE report a count');
  return raw[1];
}
