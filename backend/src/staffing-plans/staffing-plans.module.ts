import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { StaffingPlansController } from './staffing-plans.controller';
import { StaffingPlansService } from './staffing-plans.service';

@Module({
  imports: [OrganisationsModule, AuditModule, ScenariosModule],
  controllers: [StaffingPlansController],
  providers: [StaffingPlansService],
})
export class StaffingPlansModule {}
