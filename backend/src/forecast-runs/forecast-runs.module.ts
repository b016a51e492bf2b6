import { Module } from '@nestjs/common';

import { OrganisationsModule } from '../organisations/organisations.module';
import { ForecastRunsController } from './forecast-runs.controller';
import { ForecastRunsService } from './forecast-runs.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [ForecastRunsController],
  providers: [ForecastRunsService],
  exports: [ForecastRunsService],
})
export class ForecastRunsModule {}
