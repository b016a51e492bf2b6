import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

import { INestApplication, LoggerService } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { createApp } from '../app.factory';
import { JobQueue } from '../jobs/queue/job-queue';
import type { AppConfig } from '../config/app-config';
import { openDatabase, OpenDatabase } from '../database/open-database';
import { StructuredLogger } from '../logging/structured-logger';
import { DEMO_TIME_ZONE } from '../demo/demo-loader';
import { DemoPreparation } from '../demo/demo-preparation';
import { prepareDatabase } from './prepare-database';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

export interface RunningService {
  app: INestApplication;
  database: OpenDatabase;
  url: string;
  port: number;
  /** Closes the HTTP server, the scheduler and the database connections, then flushes embedded PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * Opens the database (or takes one already opened: the tests' own), migrates, loads the demo when
 * empty, and listens; then, in demo mode, prepares the demo's past peaks in the background (the health
 * route tells how far). Used by `main.ts` and by the API tests.
 */
export async function startService(
  config: AppConfig,
  logger: LoggerService = new StructuredLogger(config.logLevel, config.logFormat),
  openedDatabase?: OpenDatabase,
): Promise<RunningService> {
  // Checked first, so that a taken port stops the start before the database is touched.
  await assertPortFree(config.port, config.host);
  const database = openedDatabase ?? (await openDatabase(config));
  let app: INestApplication<Server> | undefined;
  try {
    app = await createApp(config, database, logger);
    await app.init();
    const prepared = await prepareDatabase(app.get(DataSource), {
      demo: config.demo,
      demoHistoryDays: config.demoHistoryDays,
      logger,
      oneInstanceAtATime: database.kind === 'server',
    });
    // Jobs are taken only once the schema is current (a job queued by a newer instance may need it).
    await app.get(JobQueue).start();
    await listen(app, config);
    if (config.demo) {
      const today = prepared.today ?? DateTime.now().setZone(DEMO_TIME_ZONE).toISODate()!;
      await app.get(DemoPreparation).startIfPending(app, today, logger);
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  const address = app.getHttpServer().address() as AddressInfo;
  const running = app;
  return {
    app: running,
    database,
    port: address.port,
    url: `http://localhost:${address.port}/`,
    async stop() {
      await running.get(DemoPreparation).stop();
      await running.close();
      await database.stop();
    },
  };
}

function portInUse(port: number): PortInUseError {
  return new PortInUseError(
    `port ${port} is already in use; stop what runs there or start with PORT=<another port>`,
  );
}

async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function listen(app: INestApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw portInUse(config.port);
    }
    throw error;
  }
}
