import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

import type { CreateStaffingPlanRequest, StaffingPlanDto, StaffingPlanSummaryDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { StaffingPlansService } from './staffing-plans.service';
import { IsCalendarDate } from '../common/calendar-date';

export class CreateStaffingPlanDto implements CreateStaffingPlanRequest {
  @ApiPropertyOptional({ description: 'Default: the scenario marked as the plan' })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;
  @ApiPropertyOptional({ example: '2027-02-12' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ example: '2027-02-14' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ example: [4, 6, 8] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn([2, 3, 4, 5, 6, 7, 8, 9, 10], { each: true })
  lengthsHours?: number[];
}

@ApiTags('staffing plans')
@Controller('staffing-plans')
export class StaffingPlansController {
  constructor(private readonly plans: StaffingPlansService) {}

  @Post()
  @Roles('planner', 'admin')
  @ApiCreatedResponse({
    description:
      'Draft pool shifts covering the pool gap of the plan scenario (HiGHS set covering), with paid hours, uncovered intervals and the solver gap per queue.',
  })
  create(@Body() body: CreateStaffingPlanDto, @CurrentUser() user: SessionUser): Promise<StaffingPlanDto> {
    return this.plans.create(body, user);
  }

  @Get()
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description: 'The plans made so far, newest first, with their draft and published shift counts.',
  })
  list(@CurrentUser() viewer: SessionUser): Promise<StaffingPlanSummaryDto[]> {
    return this.plans.list(viewer);
  }

  @Get(':planId')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'The plan and its draft shifts.' })
  get(@Param('planId', ParseUUIDPipe) planId: string): Promise<StaffingPlanDto> {
    return this.plans.get(planId);
  }
}
