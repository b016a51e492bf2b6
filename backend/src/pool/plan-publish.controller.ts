import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { PoolShiftDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { PublishPlanDto } from './pool.dto';
import { PoolShiftsService } from './pool-shifts.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('staffing-plans')
export class PlanPublishController {
  constructor(private readonly shifts: PoolShiftsService) {}

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
}
