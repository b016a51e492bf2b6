import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ScenariosModule } from '../scenarios/scenarios.module';
import { AllocationController } from './allocation/allocation.controller';
import { AllocationJobService } from './allocation/allocation-job.service';
import { AllocationPublishService } from './allocation/allocation-publish.service';
import { AllocationsService } from './allocation/allocations.service';
import { PreferencesService } from './allocation/preferences.service';
import { CalendarFeedService } from './calendar-feed.service';
import { DepartmentBookingsService } from './department-bookings.service';
import { DepartmentCapsService } from './department-caps.service';
import { MyScheduleController } from './my-schedule.controller';
import { PlanCoverageService } from './plan-coverage.service';
import { PlanPublishController } from './plan-publish.controller';
import { PlanRosterController } from './plan-roster.controller';
import { PlanRosterService } from './plan-roster.service';
import { PlanSignUpWindowService } from './plan-sign-up-window.service';
import { PoolMembersController } from './pool-members.controller';
import { PoolMembersService } from './pool-members.service';
import { PoolShiftsController } from './pool-shifts.controller';
import { PoolShiftsService } from './pool-shifts.service';
import { ShiftFitService } from './shift-fit.service';
import { SignUpsService } from './sign-ups.service';

/** The flexible pool: memberships and approval, department caps, peak shifts, sign-ups and calendar feeds. */
@Module({
  imports: [OrganisationsModule, AuditModule, AuthModule, ScenariosModule, JobsModule],
  controllers: [
    PoolMembersController,
    PoolShiftsController,
    PlanPublishController,
    PlanRosterController,
    MyScheduleController,
    AllocationController,
  ],
  providers: [
    PoolMembersService,
    DepartmentCapsService,
    DepartmentBookingsService,
    PoolShiftsService,
    ShiftFitService,
    SignUpsService,
    CalendarFeedService,
    PlanCoverageService,
    PlanRosterService,
    PlanSignUpWindowService,
    PreferencesService,
    AllocationsService,
    AllocationPublishService,
    AllocationJobService,
  ],
  exports: [AllocationsService, AllocationJobService],
})
export class PoolModule {}
