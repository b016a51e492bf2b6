import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { PlanCoverageDto, PoolShiftDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { PlanCoverageService } from './plan-coverage.service';
import { PublishPlanDto } from './pool.dto';
import { PoolShiftsService } from './pool-shifts.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('staffing-plans')
export class PlanPublishController {
  constructor(
    private readonly shifts: PoolShiftsService,
    private readonly coverageOfPlans: PlanCoverageService,
  ) {}

  @Post(':planId/publish')
  @Roles('planner', 'admin')
  @ApiCreatedResponse({
    description: "Publish the plan's draft shifts (all, or the chosen ones) to the pool.",
  })
  publish(
    @CurrentUser() planner: SessionUser,
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: PublishPlanDto,
  ): Promise<PoolShiftDto[]> {
    return this.shifts.publishPlan(planner, planId, body);
  }

  @Get(':planId/coverage')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description: 'Per interval: the pool gap, places published from the plan, confirmed, open.',
  })
  coverage(
    @CurrentUser() viewer: SessionUser,
    @Param('planId', ParseUUIDPipe) planId: string,
  ): Promise<PlanCoverageDto> {
    return this.coverageOfPlans.coverage(viewer, planId);
  }
}
