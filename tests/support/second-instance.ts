/* A second instance of the service on the same database as a running test service, as a second
 * deployment would run: its own Nest app, connection pool and port, in this process. */
import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';

import { startService, type RunningService } from '@peakplan/backend/bootstrap/start-service';
import { loadConfig } from '@peakplan/backend/config/app-config';
import { StructuredLogger } from '@peakplan/backend/logging/structured-logger';

import type { TestService } from './test-service';

export interface SecondInstance {
  url: string;
  service: RunningService;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export async function startSecondInstance(
  first: TestService,
  env: Record<string, string> = {},
): Promise<SecondInstance> {
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      PEAKPLAN_DEMO: 'false',
      PEAKPLAN_JOBS: 'false',
      NODE_ENV: 'test',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ...env,
    },
    'dist',
  );
  const service = await startService(config, new StructuredLogger('warn', 'text'), {
    kind: first.database.kind,
    target: first.database.target,
    // The first instance owns the database and drops it.
    stop: async () => undefined,
  });
  return {
    url: service.url.replace(/\/$/, ''),
    service,
    dataSource: service.app.get(DataSourceToken),
    stop: () => service.stop(),
  };
}
