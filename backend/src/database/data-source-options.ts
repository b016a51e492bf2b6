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
    extra: { max: poolSize },
  };
}
