import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type {
  AttendanceDto,
  ContinuityResultDto,
  MemberPointsDto,
  MyPointsDto,
  PeakPointsDto,
  PointLineDto,
  PointsWeights,
  ShiftAttendanceDto,
  WeightsPreviewDto,
} from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../../auth/access.decorators';
import { AttendanceService } from './attendance.service';
import { ContinuityService } from './continuity.service';
import {
  ContinuityDto,
  GrantPointsDto,
  MarkAttendanceDto,
  MemberPointsQuery,
  PointsWeightsDto,
} from './points.dto';
import { PointsService } from './points.service';
import { PointsWeightsService } from './points-weights.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly attendance: AttendanceService,
    private readonly weights: PointsWeightsService,
    private readonly continuity: ContinuityService,
  ) {}

  @Get('me/points')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'My points: totals, balance, band and every line with its reason.' })
  mine(@CurrentUser() member: SessionUser): Promise<MyPointsDto> {
    return this.points.mine(member);
  }

  @Get('shifts/:shiftId/attendance')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description: "A shift's confirmed members and their marks (a manager: their own department's).",
  })
  attendanceOf(
    @CurrentUser() viewer: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<ShiftAttendanceDto[]> {
    return this.attendance.list(viewer, shiftId);
  }

  @Put('shifts/:shiftId/attendance/:memberId')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      "After the shift: mark a confirmed member worked or no-show (a manager: their own department's).",
  })
  markAttendance(
    @CurrentUser() viewer: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() body: MarkAttendanceDto,
  ): Promise<AttendanceDto> {
    return this.attendance.mark(viewer, shiftId, memberId, body);
  }

  @Post('points/grants')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Grant ad-hoc points to a member, with a reason.' })
  grant(
    @CurrentUser() planner: SessionUser,
    @Body() body: GrantPointsDto,
  ): Promise<PointLineDto & { memberId: string }> {
    return this.points.grant(planner, body);
  }

  @Get('points/members')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: "Members' points per year (and peak): a manager sees their own department." })
  members(@CurrentUser() viewer: SessionUser, @Query() query: MemberPointsQuery): Promise<MemberPointsDto[]> {
    return this.points.members(viewer, query.year, query.peak);
  }

  @Get('points/peaks')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Points per peak: shift, quality and granted.' })
  peaks(@CurrentUser() viewer: SessionUser): Promise<PeakPointsDto[]> {
    return this.points.peaks(viewer);
  }

  @Get('points/weights')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The weights of the points formula.' })
  getWeights(@CurrentUser() viewer: SessionUser): Promise<PointsWeights> {
    return this.weights.get(viewer.organisationId);
  }

  @Put('points/weights')
  @Roles('admin')
  @ApiOkResponse({ description: 'Set the weights; they apply to shifts marked from now on.' })
  setWeights(@CurrentUser() admin: SessionUser, @Body() body: PointsWeightsDto): Promise<PointsWeights> {
    return this.weights.set(admin, body);
  }

  @Post('points/weights/preview')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: "Last peak's points under the proposed weights, beside the current ones." })
  previewWeights(
    @CurrentUser() admin: SessionUser,
    @Body() body: PointsWeightsDto,
  ): Promise<WeightsPreviewDto> {
    return this.weights.preview(admin, body);
  }

  @Post('points/continuity')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Grant the continuity part of a finished year (again: nothing more).' })
  grantContinuity(@Body() body: ContinuityDto): Promise<ContinuityResultDto> {
    return this.continuity.grant(body.year);
  }
}
