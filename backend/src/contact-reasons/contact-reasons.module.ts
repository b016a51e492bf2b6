import { Module } from '@nestjs/common';

import { ForecastRunsModule } from '../forecast-runs/forecast-runs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { ContactReasonsController } from './contact-reasons.controller';
import { ContactReasonsService } from './contact-reasons.service';
import { DeflectionScenariosService } from './deflection-scenarios.service';

/** Contact reasons at the peaks, the answer's quality, and deflection scenarios made from them. */
@Module({
  imports: [OrganisationsModule, ForecastRunsModule, ScenariosModule],
  controllers: [ContactReasonsController],
  providers: [ContactReasonsService, DeflectionScenariosService],
  exports: [ContactReasonsService],
})
export class ContactReasonsModule {}
