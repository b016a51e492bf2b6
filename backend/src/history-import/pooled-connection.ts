/* One connection from the DataSource's pool, held for one piece of work (a COPY batch) and given back
 * right after, so that other requests get it in between; on the embedded database the pool has one. */
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface PooledConnection {
  client: PoolClient;
  /** Back to the pool; with an error, the pool closes the connection instead of reusing it. */
  release(error?: Error): void;
}

export async function acquireConnection(dataSource: DataSource): Promise<PooledConnection> {
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
    PoolClient,
    (error?: Error) => void,
  ];
  let released = false;
  return {
    client,
    release(error?: Error) {
      if (released) return;
      released = true;
      release(error);
    },
  };
}
