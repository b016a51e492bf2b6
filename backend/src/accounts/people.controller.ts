import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { PersonDto } from '@peakplan/contracts';

import { CurrentUser, EVERY_ROLE, Roles, type SessionUser } from '../auth/access.decorators';
import { PoolApprovalDto } from './accounts.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('people/:id')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({
    description: 'A person the caller may see (own profile, own department, or all); else 404.',
  })
  get(@CurrentUser() viewer: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<PersonDto> {
    return this.people.get(viewer, id);
  }

  @Get('departments/:departmentId/members')
  @Roles('manager', 'admin')
  @ApiOkResponse({ description: "A department's active members: for its own manager and admins; else 404." })
  members(
    @CurrentUser() viewer: SessionUser,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
  ): Promise<PersonDto[]> {
    return this.people.departmentMembers(viewer, departmentId);
  }

  @Post('departments/:departmentId/members/:userId/approval')
  @Roles('manager')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Approve or refuse a pool member of your own department; elsewhere 404.' })
  decide(
    @CurrentUser() manager: SessionUser,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: PoolApprovalDto,
  ): Promise<PersonDto> {
    return this.people.decidePoolApproval(manager, departmentId, userId, body.decision);
  }
}
