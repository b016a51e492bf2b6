import type { DataSource } from 'typeorm';

import { queryAffected, queryOne, queryRows } from './query-rows';

/** A runner that answers every statement with `raw`, as TypeORM's PostgreSQL driver would. */
function runnerReturning(raw: unknown): DataSource {
  return { query: () => Promise.resolve(raw) } as unknown as DataSource;
}

describe('queryRows', () => {
  it('returns the rows of a SELECT as they come', async () => {
    const rows = await queryRows<{ id: string }>(runnerReturning([{ id: 'a' }, { id: 'b' }]), 'select');
    expect(rows).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('unwraps the [rows, affected] pair the driver returns for UPDATE … RETURNING', async () => {
    const rows = await queryRows<{ id: string }>(runnerReturning([[{ id: 'a' }], 1]), 'update');
    expect(rows).toEqual([{ id: 'a' }]);
  });

  it('passes the SQL and parameters through', async () => {
    const seen: unknown[] = [];
    const runner = {
      query: (sql: string, parameters: unknown[]) => {
        seen.push(sql, parameters);
        return Promise.resolve([]);
      },
    } as unknown as DataSource;
    await queryRows(runner, 'select $1', [7]);
    expect(seen).toEqual(['select $1', [7]]);
  });

  it('refuses a result that is not rows', async () => {
    await expect(queryRows(runnerReturning(undefined), 'begin')).rejects.toThrow(TypeError);
  });
});

describe('queryOne', () => {
  it('returns the first row, or undefined when there is none', async () => {
    expect(await queryOne<{ n: number }>(runnerReturning([{ n: 1 }, { n: 2 }]), 'select')).toEqual({ n: 1 });
    expect(await queryOne<{ n: number }>(runnerReturning([]), 'select')).toBeUndefined();
  });
});

describe('queryAffected', () => {
  it('returns the count of an UPDATE or DELETE', async () => {
    expect(await queryAffected(runnerReturning([[], 3]), 'update')).toBe(3);
  });

  it('refuses a statement that reports no count (a SELECT)', async () => {
    await expect(queryAffected(runnerReturning([{ n: 1 }]), 'select')).rejects.toThrow(/UPDATE and DELETE/);
  });
});
