import { Module } from '@nestjs/common';

import { OrganisationsModule } from '../organisations/organisations.module';
import { ForecastEngineThread } from './forecast-engine-thread';
import { ForecastRunsController } from './forecast-runs.controller';
import { ForecastAccuracyService } from './forecast-accuracy.service';
import { ForecastRunQueue } from './forecast-run-queue.service';
import { ForecastRunsService } from './forecast-runs.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [ForecastRunsController],
  // A factory: the thread's constructor takes where to find its worker, which Nest should not inject.
  providers: [
    ForecastRunsService,
    ForecastRunQueue,
    ForecastAccuracyService,
    { provide: ForecastEngineThread, useFactory: () => new ForecastEngineThread() },
  ],
  exports: [ForecastRunsService],
})
export class ForecastRunsModule {}
