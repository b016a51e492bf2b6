import { Body, Controller, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import type { JobOutcome } from './job-lock.service';
import { PLANNING_JOBS, PlanningJobsService, type PlanningJob } from './planning-jobs.service';
import { IsCalendarDate } from '../common/calendar-date';

export class RunJobDto {
  @ApiPropertyOptional({
    example: '2026-02-15',
    description: 'The local date the run counts for (default today)',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: PlanningJobsService) {}

  @Post(':job/run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({
    description: `Runs ${PLANNING_JOBS.join(' or ')} now, once across instances for that date (skipped when locked or already run).`,
  })
  run(
    @Param('job', new ParseEnumPipe(PLANNING_JOBS)) job: PlanningJob,
    @Body() body: RunJobDto,
    @CurrentUser() user: SessionUser,
  ): Promise<JobOutcome> {
    return this.jobs.run(job, body.date, user.email);
  }
}
