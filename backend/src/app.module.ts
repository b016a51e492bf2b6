import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ContactReasonsModule } from './contact-reasons/contact-reasons.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { buildDataSourceOptions } from './database/data-source-options';
import { DATABASE_KIND } from './database/database-kind';
import type { OpenDatabase } from './database/open-database';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { ForecastRunsModule } from './forecast-runs/forecast-runs.module';
import { HistoryImportModule } from './history-import/history-import.module';
import { JobsModule } from './jobs/jobs.module';
import { JobQueueModule } from './jobs/queue/job-queue.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PeakReviewsModule } from './peak-reviews/peak-reviews.module';
import { PoolMessagesModule } from './pool/messages/messages.module';
import { PoolModule } from './pool/pool.module';
import { PoolPointsModule } from './pool/points/points.module';
import { PoolRewardsModule } from './pool/rewards/rewards.module';
import { QueuesModule } from './queues/queues.module';
import { ScenariosModule } from './scenarios/scenarios.module';
import { StaffingPlansModule } from './staffing-plans/staffing-plans.module';

/** The whole service. Configuration and the database are decided before Nest starts and passed in. */
@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: OpenDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(database.target, config.databasePoolSize),
          autoLoadEntities: true,
          retryAttempts: 0,
        }),
        ...(config.jobsEnabled ? [ScheduleModule.forRoot()] : []),
        JobQueueModule,
        AuditModule,
        AuthModule,
        AccountsModule,
        HealthModule,
        OrganisationsModule,
        QueuesModule,
        HistoryModule,
        HistoryImportModule,
        ForecastRunsModule,
        ScenariosModule,
        StaffingPlansModule,
        PeakReviewsModule,
        PoolModule,
        PoolPointsModule,
        PoolRewardsModule,
        PoolMessagesModule,
        JobsModule,
        EventsModule,
        ContactReasonsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_KIND, useValue: database.kind },
      ],
      exports: [APP_CONFIG, DATABASE_KIND],
    };
  }
}
