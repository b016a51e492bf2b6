import { Module } from '@nestjs/common';

import { ForecastRunsModule } from '../forecast-runs/forecast-runs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeakReviewsModule } from '../peak-reviews/peak-reviews.module';
import { JobLockService } from './job-lock.service';
import { JobsController } from './jobs.controller';
import { PlanningJobsService } from './planning-jobs.service';

@Module({
  imports: [OrganisationsModule, ForecastRunsModule, PeakReviewsModule],
  controllers: [JobsController],
  providers: [JobLockService, PlanningJobsService],
  exports: [JobLockService, PlanningJobsService],
})
export class JobsModule {}
