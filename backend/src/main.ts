import './register-aliases';
import 'reflect-metadata';

import { join } from 'node:path';

import { ConfigError, loadConfig } from './config/app-config';
import { DataFolderLockedError } from './database/data-folder-lock';
import { EmbeddedDatabaseError } from './database/embedded-postgres';
import { DatabaseUnreachableError } from './database/open-database';
import { PortInUseError, startService } from './bootstrap/start-service';
import { DEMO_PASSWORD } from './demo/demo-accounts';
import { StructuredLogger } from './logging/structured-logger';

/** Errors a person can fix: one line on stderr, exit code 1, no stack trace. */
const EXPECTED_ERRORS = [
  ConfigError,
  DataFolderLockedError,
  EmbeddedDatabaseError,
  DatabaseUnreachableError,
  PortInUseError,
];

async function main(): Promise<void> {
  // dist/backend/backend/src/main.js → dist/
  const config = loadConfig(process.env, join(__dirname, '..', '..', '..'));
  const logger = new StructuredLogger(config.logLevel, config.logFormat);
  const started = Date.now();
  const service = await startService(config, logger);
  const where =
    service.database.kind === 'embedded'
      ? `embedded PostgreSQL in ${config.dataDir}`
      : 'the PostgreSQL server from DATABASE_URL';
  logger.log(`PeakPlan is ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${where}`, 'main');
  process.stdout.write(
    [
      '',
      `  PeakPlan dashboard:  ${service.url}`,
      `  API documentation:   ${service.url}api/docs`,
      ...(config.demo
        ? [
            `  Demo sign-in (password "${DEMO_PASSWORD}"):`,
            '    planner@peakplan.test   manager@peakplan.test   admin@peakplan.test',
            '    member001@peakplan.test … member200@peakplan.test (pool members)',
          ]
        : []),
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing the HTTP server, the scheduler and the database…`, 'main');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error instanceof Error ? error.message : String(error), undefined, 'main');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (EXPECTED_ERRORS.some((type) => error instanceof type)) {
    process.stderr.write(`peakplan: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(
      `peakplan: could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
