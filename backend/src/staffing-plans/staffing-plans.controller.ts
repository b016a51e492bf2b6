import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

import type { CreateStaffingPlanRequest, StaffingPlanDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { StaffingPlansService } from './staffing-plans.service';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateStaffingPlanDto implements CreateStaffingPlanRequest {
  @ApiPropertyOptional({ description: 'Default: the scenario marked as the plan' })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;
  @ApiPropertyOptional({ example: '2027-02-12' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2027-02-14' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date as YYYY-MM-DD' })
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

  @Get(':planId')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'The plan and its draft shifts.' })
  get(@Param('planId', ParseUUIDPipe) planId: string): Promise<StaffingPlanDto> {
    return this.plans.get(planId);
  }
}
