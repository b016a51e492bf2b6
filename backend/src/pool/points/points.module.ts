import { Module } from '@nestjs/common';

import { AuditModule } from '../../audit/audit.module';
import { EventsModule } from '../../events/events.module';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { ScenariosModule } from '../../scenarios/scenarios.module';
import { PlanCoverageService } from '../plan-coverage.service';
import { AttendanceService } from './attendance.service';
import { ContinuityService } from './continuity.service';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';
import { PointsWeightsService } from './points-weights.service';

/** Recognition points: attendance after a shift, the points formula's weights, grants, continuity, totals. */
@Module({
  imports: [OrganisationsModule, AuditModule, EventsModule, ScenariosModule],
  controllers: [PointsController],
  providers: [PointsService, AttendanceService, PointsWeightsService, ContinuityService, PlanCoverageService],
  exports: [ContinuityService],
})
export class PoolPointsModule {}
