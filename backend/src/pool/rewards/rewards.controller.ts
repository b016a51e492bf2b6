import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { RedemptionDto, RewardDto } from '@peakplan/contracts';

import { CurrentUser, EVERY_ROLE, Roles, type SessionUser } from '../../auth/access.decorators';
import { CancelRedemptionDto, CreateRewardDto, UpdateRewardDto } from './rewards.dto';
import { RewardsService } from './rewards.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Get('rewards')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ description: 'The rewards catalogue (an admin also sees inactive rewards).' })
  list(@CurrentUser() viewer: SessionUser): Promise<RewardDto[]> {
    return this.rewards.list(viewer);
  }

  @Post('rewards')
  @Roles('admin')
  @ApiOkResponse({ description: 'Add a reward with its points price and stock.' })
  create(@CurrentUser() admin: SessionUser, @Body() body: CreateRewardDto): Promise<RewardDto> {
    return this.rewards.create(admin, body);
  }

  @Patch('rewards/:rewardId')
  @Roles('admin')
  @ApiOkResponse({ description: "Change a reward's name, price, stock or whether it is offered." })
  update(
    @CurrentUser() admin: SessionUser,
    @Param('rewardId', ParseUUIDPipe) rewardId: string,
    @Body() body: UpdateRewardDto,
  ): Promise<RewardDto> {
    return this.rewards.update(admin, rewardId, body);
  }

  @Post('rewards/:rewardId/redemptions')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'Redeem points for a reward (409 when out of stock or short of points).' })
  redeem(
    @CurrentUser() member: SessionUser,
    @Param('rewardId', ParseUUIDPipe) rewardId: string,
  ): Promise<RedemptionDto> {
    return this.rewards.redeem(member, rewardId);
  }

  @Get('me/redemptions')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'My redemptions, newest first.' })
  mine(@CurrentUser() member: SessionUser): Promise<RedemptionDto[]> {
    return this.rewards.mine(member);
  }

  @Get('redemptions')
  @Roles('admin')
  @ApiOkResponse({ description: 'All redemptions, newest first.' })
  all(@CurrentUser() admin: SessionUser): Promise<RedemptionDto[]> {
    return this.rewards.all(admin);
  }

  @Post('redemptions/:redemptionId/cancel')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancel a redemption: points and stock are returned (again: no change).' })
  cancel(
    @CurrentUser() admin: SessionUser,
    @Param('redemptionId', ParseUUIDPipe) redemptionId: string,
    @Body() body: CancelRedemptionDto,
  ): Promise<RedemptionDto> {
    return this.rewards.cancel(admin, redemptionId, body.reason);
  }
}
