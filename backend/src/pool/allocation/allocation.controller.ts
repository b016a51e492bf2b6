import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type {
  AllocationDto,
  AllocationStartedDto,
  MyAllocationDto,
  PreferenceDto,
} from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../../auth/access.decorators';
import { AllocationPublishService } from './allocation-publish.service';
import { CreateAllocationDto, SetAllocationPinsDto, SetPreferenceDto } from './allocation.dto';
import { AllocationsService } from './allocations.service';
import { PreferencesService } from './preferences.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class AllocationController {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly allocations: AllocationsService,
    private readonly publishing: AllocationPublishService,
  ) {}

  @Put('shifts/:shiftId/preference')
  @Roles('pool-member')
  @ApiOkResponse({
    description: 'Mark a preference shift want (optionally ranked), can, or none, while its window is open.',
  })
  setPreference(
    @CurrentUser() member: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
    @Body() body: SetPreferenceDto,
  ): Promise<PreferenceDto> {
    return this.preferences.set(member, shiftId, body);
  }

  @Post('allocations')
  @Roles('planner', 'admin')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'Allocate these preference shifts; runs in the background (status running).',
  })
  start(
    @CurrentUser() planner: SessionUser,
    @Body() body: CreateAllocationDto,
  ): Promise<AllocationStartedDto> {
    return this.allocations.start(planner, body.shiftIds);
  }

  @Get('allocations/:allocationId')
  @Roles('planner', 'admin')
  @ApiOkResponse({
    description: "The run's status, roster, objective parts, explanations and changes since the run before.",
  })
  get(
    @CurrentUser() viewer: SessionUser,
    @Param('allocationId', ParseUUIDPipe) allocationId: string,
  ): Promise<AllocationDto> {
    return this.allocations.get(viewer, allocationId);
  }

  @Put('allocations/:allocationId/pins')
  @Roles('planner', 'admin')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'Pin people in or out (the whole list) and re-run; answers the new run.',
  })
  setPins(
    @CurrentUser() planner: SessionUser,
    @Param('allocationId', ParseUUIDPipe) allocationId: string,
    @Body() body: SetAllocationPinsDto,
  ): Promise<AllocationStartedDto> {
    return this.allocations.setPins(planner, allocationId, body.pins);
  }

  @Post('allocations/:allocationId/publish')
  @Roles('planner', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Turn the roster into sign-ups in one transaction and tell the members.' })
  publish(
    @CurrentUser() planner: SessionUser,
    @Param('allocationId', ParseUUIDPipe) allocationId: string,
  ): Promise<AllocationDto> {
    return this.publishing.publish(planner, allocationId);
  }

  @Get('me/allocations')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'What I got in each published allocation, and why not each want or can.' })
  mine(@CurrentUser() member: SessionUser): Promise<MyAllocationDto[]> {
    return this.publishing.mine(member);
  }
}
