import { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';

export type DatabaseTarget = { kind: 'server'; url: string } | { kind: 'embedded'; socketDir: string };

/** One set of options for the app and the TypeORM CLI: the same migrations on both kinds of database. */
export function buildDataSourceOptions(target: DatabaseTarget, poolSize = 8): DataSourceOptions {
  const connection =
    target.kind === 'server'
      ? { url: target.url }
      : { host: target.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
  return {
    type: 'postgres',
    ...connection,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    extra: {
      // pglite-socket interleaves the protocol messages of concurrent connections (a Bind of one meets
      // the Parse of another) and a second connection waits for ever behind an open transaction: the
      // embedded database gets one connection, and requests queue for it in the pool instead.
      max: target.kind === 'embedded' ? 1 : poolSize,
      // A request that cannot get a connection fails with an error instead of hanging.
      connectionTimeoutMillis: 60_000,
    },
  };
}
