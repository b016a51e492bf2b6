import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { ForecastRunsModule } from '../forecast-runs/forecast-runs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { HindsightService } from './hindsight.service';
import { PeakReviewsController } from './peak-reviews.controller';
import { PeakReviewsService } from './peak-reviews.service';

/** Forecast against actual in hindsight and the post-peak reviews (the jobs module stores them). */
@Module({
  imports: [OrganisationsModule, AuditModule, ForecastRunsModule, ScenariosModule],
  controllers: [PeakReviewsController],
  providers: [HindsightService, PeakReviewsService],
  exports: [PeakReviewsService],
})
export class PeakReviewsModule {}
