import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { DepartmentBookingDto, DepartmentCapDto, PoolMemberDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { DepartmentBookingsService } from './department-bookings.service';
import { DepartmentCapsService } from './department-caps.service';
import {
  MemberListQuery,
  PoolDecisionDto,
  SetDepartmentCapDto,
  SetSkillsDto,
  UpdateAvailabilityDto,
} from './pool.dto';
import { PoolMembersService } from './pool-members.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class PoolMembersController {
  constructor(
    private readonly members: PoolMembersService,
    private readonly caps: DepartmentCapsService,
    private readonly bookings: DepartmentBookingsService,
  ) {}

  @Get('me')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'My pool membership and its state in words.' })
  me(@CurrentUser() user: SessionUser): Promise<PoolMemberDto> {
    return this.members.me(user);
  }

  @Post('me/join')
  @Roles('pool-member')
  @HttpCode(200)
  @ApiOkResponse({ description: "Join (or rejoin) the pool; your manager's approval is asked again." })
  join(@CurrentUser() user: SessionUser): Promise<PoolMemberDto> {
    return this.members.join(user);
  }

  @Post('me/leave')
  @Roles('pool-member')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Leave the pool (refused while you hold shifts to come).' })
  leave(@CurrentUser() user: SessionUser): Promise<PoolMemberDto> {
    return this.members.leave(user);
  }

  @Put('me/availability')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'My weekly availability, dates off and hours caps.' })
  availability(
    @CurrentUser() user: SessionUser,
    @Body() body: UpdateAvailabilityDto,
  ): Promise<PoolMemberDto> {
    return this.members.updateAvailability(user, body);
  }

  @Get('members')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description: "Pool members (a manager: their own department's), optionally of one state.",
  })
  list(@CurrentUser() viewer: SessionUser, @Query() query: MemberListQuery): Promise<PoolMemberDto[]> {
    return this.members.list(viewer, query.state);
  }

  @Put('members/:memberId/skills')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: "Record a member's skills and training (replaces the list)." })
  skills(
    @CurrentUser() actor: SessionUser,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() body: SetSkillsDto,
  ): Promise<PoolMemberDto> {
    return this.members.setSkills(actor, memberId, body);
  }

  @Get('applicants')
  @Roles('manager', 'admin')
  @ApiOkResponse({ description: "Your department's members waiting for a decision (`?state=` for others)." })
  applicants(@CurrentUser() viewer: SessionUser, @Query() query: MemberListQuery): Promise<PoolMemberDto[]> {
    return this.members.list(viewer, query.state ?? 'pending');
  }

  @Post('applicants/:memberId/decision')
  @Roles('manager')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Approve or refuse a member of your own department; elsewhere 404.' })
  decide(
    @CurrentUser() manager: SessionUser,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() body: PoolDecisionDto,
  ): Promise<PoolMemberDto> {
    return this.members.decide(manager, memberId, body.decision);
  }

  @Get('department-caps')
  @Roles('manager', 'planner', 'admin')
  @ApiOkResponse({ description: 'Department caps (a manager: their own department).' })
  departmentCaps(@CurrentUser() viewer: SessionUser): Promise<DepartmentCapDto[]> {
    return this.caps.list(viewer);
  }

  @Put('department-caps/:departmentId')
  @Roles('manager', 'admin')
  @ApiOkResponse({ description: "Set a department's cap: a manager their own, an admin any." })
  setDepartmentCap(
    @CurrentUser() viewer: SessionUser,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Body() body: SetDepartmentCapDto,
  ): Promise<DepartmentCapDto> {
    return this.caps.set(viewer, departmentId, body);
  }

  @Get('department-bookings')
  @Roles('manager', 'admin')
  @ApiOkResponse({
    description:
      'Who of your department (an admin: every department) is booked or waitlisted on shifts still to come, soonest first.',
  })
  departmentBookings(@CurrentUser() viewer: SessionUser): Promise<DepartmentBookingDto[]> {
    return this.bookings.list(viewer);
  }
}
