/* The real service (same factory, migrations and database kinds as `npm start`) on a free port with a
 * fresh database, for API tests that talk HTTP to it. */
import { randomBytes } from 'node:crypto';

import { DataSource } from 'typeorm';

import { startService, type RunningService } from '@peakplan/backend/bootstrap/start-service';
import { loadConfig } from '@peakplan/backend/config/app-config';
import { loadDemoOrganisation } from '@peakplan/backend/demo/demo-loader';
import { StructuredLogger } from '@peakplan/backend/logging/structured-logger';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestService {
  url: string;
  service: RunningService;
  dataSource: DataSource;
  database: TestDatabase;
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  /** Load a small demo organisation (days of history up to `today`). */
  demoHistoryDays?: number;
  today?: string;
  env?: Record<string, string>;
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      PEAKPLAN_DEMO: 'false',
      PEAKPLAN_JOBS: 'false',
      NODE_ENV: 'test',
      // Never the repository's ./data folder: each test service gets its own session key.
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ...options.env,
    },
    'dist',
  );
  const service = await startService(config, new StructuredLogger('warn', 'text'), {
    kind: database.kind,
    target: database.target,
    stop: async () => undefined,
  });
  const dataSource = service.app.get(DataSource);
  if (options.demoHistoryDays !== undefined) {
    await loadDemoOrganisation(dataSource, {
      today: options.today ?? '2026-03-01',
      historyDays: options.demoHistoryDays,
    });
  }
  return {
    url: service.url.replace(/\/$/, ''),
    service,
    dataSource,
    database,
    async stop() {
      await service.stop();
      await database.drop();
    },
  };
}
