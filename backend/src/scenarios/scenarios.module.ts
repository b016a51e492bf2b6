import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScenarioCoreStaffController } from './scenario-core-staff.controller';
import { ScenarioCoreStaffService } from './scenario-core-staff.service';
import { ScenarioInputsService } from './scenario-inputs.service';
import { ScenariosController } from './scenarios.controller';
import { ScenariosService } from './scenarios.service';

@Module({
  imports: [OrganisationsModule, AuditModule],
  controllers: [ScenariosController, ScenarioCoreStaffController],
  providers: [ScenariosService, ScenarioCoreStaffService, ScenarioInputsService],
  exports: [ScenariosService, ScenarioInputsService],
})
export class ScenariosModule {}
