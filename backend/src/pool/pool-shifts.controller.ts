import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { PoolShiftDto, ShiftSignUpDto, SignUpResponse, WithdrawResponse } from '@peakplan/contracts';

import { CurrentUser, EVERY_ROLE, Roles, type SessionUser } from '../auth/access.decorators';
import { CreatePoolShiftDto, ShiftListQuery, UpdatePoolShiftDto } from './pool.dto';
import { PoolShiftsService } from './pool-shifts.service';
import { SignUpsService } from './sign-ups.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool/shifts')
export class PoolShiftsController {
  constructor(
    private readonly shifts: PoolShiftsService,
    private readonly signUps: SignUpsService,
  ) {}

  @Post()
  @Roles('planner', 'admin')
  @ApiCreatedResponse({ description: 'A peak shift made by hand (local date and times).' })
  create(@CurrentUser() planner: SessionUser, @Body() body: CreatePoolShiftDto): Promise<PoolShiftDto> {
    return this.shifts.create(planner, body);
  }

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({
    description: 'Planners: all shifts (of `status`). Pool members: the open shifts that fit them.',
  })
  list(@CurrentUser() viewer: SessionUser, @Query() query: ShiftListQuery): Promise<PoolShiftDto[]> {
    return this.shifts.list(viewer, query.status);
  }

  @Get(':shiftId')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({
    description: 'One shift; a pool member sees only one that fits them or that they signed up for.',
  })
  get(
    @CurrentUser() viewer: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<PoolShiftDto> {
    return this.shifts.get(viewer, shiftId);
  }

  @Patch(':shiftId')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Change time, places, window: audited, booked members told.' })
  update(
    @CurrentUser() planner: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
    @Body() body: UpdatePoolShiftDto,
  ): Promise<PoolShiftDto> {
    return this.shifts.update(planner, shiftId, body);
  }

  @Post(':shiftId/cancel')
  @Roles('planner', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancel the shift; booked members are told.' })
  cancel(
    @CurrentUser() planner: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<PoolShiftDto> {
    return this.shifts.cancel(planner, shiftId);
  }

  @Get(':shiftId/sign-ups')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: "The shift's sign-ups with member, status, time and waitlist position." })
  signUpsOf(
    @CurrentUser() viewer: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<ShiftSignUpDto[]> {
    return this.signUps.listForShift(viewer, shiftId);
  }

  @Post(':shiftId/sign-ups')
  @Roles('pool-member')
  @ApiCreatedResponse({
    description: 'Sign up (empty body): confirmed, waitlisted with a position, or requested.',
  })
  signUp(
    @CurrentUser() member: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<SignUpResponse> {
    return this.signUps.signUp(member, shiftId);
  }

  @Delete(':shiftId/sign-ups/mine')
  @Roles('pool-member')
  @ApiOkResponse({
    description: 'Withdraw; a freed place goes to the first waitlisted member who passes every rule.',
  })
  withdraw(
    @CurrentUser() member: SessionUser,
    @Param('shiftId', ParseUUIDPipe) shiftId: string,
  ): Promise<WithdrawResponse> {
    return this.signUps.withdraw(member, shiftId);
  }
}
