import { Module } from '@nestjs/common';

import { ForecastRunsModule } from '../forecast-runs/forecast-runs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeakReviewsModule } from '../peak-reviews/peak-reviews.module';
import { PoolMessagesModule } from '../pool/messages/messages.module';
import { PoolPointsModule } from '../pool/points/points.module';
import { JobLockService } from './job-lock.service';
import { JobsController } from './jobs.controller';
import { PlanningJobsService } from './planning-jobs.service';
import { PoolJobsService } from './pool-jobs.service';

@Module({
  imports: [OrganisationsModule, ForecastRunsModule, PeakReviewsModule, PoolPointsModule, PoolMessagesModule],
  controllers: [JobsController],
  providers: [JobLockService, PlanningJobsService, PoolJobsService],
  exports: [JobLockService, PlanningJobsService, PoolJobsService],
})
export class JobsModule {}
