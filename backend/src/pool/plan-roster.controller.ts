import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';

import type { PlanRosterDto, SignUpWindowDto, SignUpWindowRequest } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { planRosterCsv } from './plan-roster-csv';
import { PlanRosterService } from './plan-roster.service';
import { PlanSignUpWindowService } from './plan-sign-up-window.service';

export class ChangeSignUpWindowDto implements SignUpWindowRequest {
  @ApiProperty({ enum: ['open', 'closed'] })
  @IsIn(['open', 'closed'], { message: 'state must be "open" or "closed"' })
  state!: 'open' | 'closed';
  @ApiPropertyOptional({ example: '2027-02-12T18:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'closesAt must be an ISO instant' })
  closesAt?: string;
}

/** A staffing plan's published side for planners: its roster (JSON, CSV) and its sign-up window. */
@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('staffing-plans')
export class PlanRosterController {
  constructor(
    private readonly rosters: PlanRosterService,
    private readonly windows: PlanSignUpWindowService,
  ) {}

  @Get(':planId/roster')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      "Who works which published shift of the plan when: a line per place, open places with member null, in the organisation's zone.",
  })
  roster(
    @CurrentUser() viewer: SessionUser,
    @Param('planId', ParseUUIDPipe) planId: string,
  ): Promise<PlanRosterDto> {
    return this.rosters.roster(viewer, planId);
  }

  @Get(':planId/roster.csv')
  @Roles('planner', 'manager', 'admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The roster as a CSV download (roster-<scenario>-<plan>.csv).' })
  async rosterCsv(
    @CurrentUser() viewer: SessionUser,
    @Param('planId', ParseUUIDPipe) planId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const roster = await this.rosters.roster(viewer, planId);
    const slug = roster.scenarioName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    response.type('text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="roster-${slug || 'plan'}-${planId.slice(0, 8)}.csv"`,
    );
    return planRosterCsv(roster);
  }

  @Put(':planId/sign-up-window')
  @Roles('planner', 'admin')
  @ApiOkResponse({
    description:
      "Close sign-up now on the plan's published shifts still to come, or reopen it (until closesAt, default 24 h before each start). Audited.",
  })
  signUpWindow(
    @CurrentUser() planner: SessionUser,
    @Param('planId', ParseUUIDPipe) planId: string,
    @Body() body: ChangeSignUpWindowDto,
  ): Promise<SignUpWindowDto> {
    return this.windows.change(planner, planId, body);
  }
}
