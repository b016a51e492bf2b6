import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

import type { DatabaseKind } from '@peakplan/contracts';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DATABASE_KIND } from '../../database/database-kind';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';
import { JobQueueExplorer } from './job-queue.explorer';
import { PgBossJobQueue } from './pg-boss-job-queue';

/**
 * The job queue for every feature: pg-boss on a PostgreSQL server (any instance takes a job), the
 * in-process queue on embedded PostgreSQL (one process owns that database). Started after the
 * migrations (start-service.ts), stopped before the database closes.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: JobQueue,
      inject: [DataSource, DATABASE_KIND, APP_CONFIG],
      useFactory: (dataSource: DataSource, kind: DatabaseKind, config: AppConfig): JobQueue =>
        kind === 'server'
          ? new PgBossJobQueue((dataSource.driver as PostgresDriver).master as Pool, {
              timeoutSeconds: config.jobTimeoutSeconds,
            })
          : new InProcessJobQueue(),
    },
    JobQueueExplorer,
  ],
  exports: [JobQueue],
})
export class JobQueueModule {}
