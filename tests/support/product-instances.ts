/* Several instances of the built product (dist, as `npm start` runs it) on one PostgreSQL server
 * database, as behind a load balancer: for the multi-instance API test and the refit bench. The test
 * itself reaches the same database through a DataSource of its own (fixtures, sessions). */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { DataSource } from 'typeorm';

// Relative, not through the @peakplan/backend alias, and nothing with decorators: the bench (tsx)
// loads this file too.
import { SESSION_POLICY } from '../../backend/src/auth/session-policy';
import { newSessionToken, sessionTokenHash } from '../../backend/src/auth/session-tokens';
import { buildDataSourceOptions } from '../../backend/src/database/data-source-options';

import type { PoolTarget } from './pool-fixtures';
import { PRODUCT_MAIN, startProduct, type RunningProduct } from './start-product';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface ProductInstance {
  /** As the service records itself beside its work (INSTANCE_NAME): `host:pid`, matched by pid. */
  pid: number;
  url: string;
  product: RunningProduct;
  /** The name a forecast run's computedBy gives for this instance. */
  owns(computedBy: string | null): boolean;
}

export interface ProductCluster {
  database: TestDatabase;
  url: string;
  dataSource: DataSource;
  instances: ProductInstance[];
  /** A bearer header for a fresh session of the account (made in the database, valid on every instance). */
  headersFor(email: string): Promise<Record<string, string>>;
  /** One instance as a pool fixture target (the fixtures write through the test's own DataSource). */
  target(instance: ProductInstance): PoolTarget;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances: number;
  env?: Record<string, string>;
}

/** Starts the instances one after another (the first migrates the new database), on a fresh database. */
export async function startProductCluster(options: ClusterOptions): Promise<ProductCluster> {
  if (!existsSync(PRODUCT_MAIN))
    throw new Error(`${PRODUCT_MAIN} is missing: build the product first (npm run build)`);
  const database = await createTestDatabase();
  if (database.target.kind !== 'server') throw new Error('several instances need a PostgreSQL server');
  const url = database.target.url;
  const secret = randomBytes(32).toString('base64url');
  const env = {
    DATABASE_URL: url,
    SESSION_SECRET: secret,
    PEAKPLAN_DEMO: 'false',
    PEAKPLAN_JOBS: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const instances: ProductInstance[] = [];
  let dataSource: DataSource | undefined;
  try {
    for (let index = 0; index < options.instances; index++) instances.push(await startInstance(env));
    dataSource = new DataSource({ ...buildDataSourceOptions(database.target, 4) });
    await dataSource.initialize();
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.product.stop()));
    await database.drop();
    throw error;
  }
  const ready = dataSource;
  // As SessionsService.start does, with the instances' key: the session is valid on every instance.
  const headersFor = async (email: string) => {
    const [user] = await ready.query(`select id from app_user where lower(email) = lower($1)`, [email]);
    if (!user) throw new Error(`no account ${email}`);
    const token = newSessionToken();
    await ready.query(`insert into user_session (user_id, token_hash, expires_at) values ($1, $2, $3)`, [
      user.id,
      sessionTokenHash(secret, token),
      new Date(Date.now() + SESSION_POLICY.absoluteLifetimeMs),
    ]);
    return { Authorization: `Bearer ${token}` };
  };
  return {
    database,
    url,
    dataSource: ready,
    instances,
    headersFor,
    target: (instance) => ({ url: instance.url, dataSource: ready, headersFor }),
    async stop() {
      await Promise.all(instances.map((instance) => instance.product.stop()));
      await ready.destroy();
      await database.drop();
    },
  };
}

export async function startInstance(env: Record<string, string>): Promise<ProductInstance> {
  const product = await startProduct({ env });
  const pid = product.process.pid!;
  return {
    pid,
    url: product.baseUrl,
    product,
    owns: (computedBy) => computedBy !== null && computedBy.endsWith(`:${pid}`),
  };
}
