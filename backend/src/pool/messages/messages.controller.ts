import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type {
  MessageFailureDto,
  NotificationSettingsDto,
  PoolMessageDto,
  SendDueResultDto,
} from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../../auth/access.decorators';
import { MessageSenderService } from './message-sender.service';
import { UpdateNotificationSettingsDto } from './messages.dto';
import { MessagesService } from './messages.service';

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly sender: MessageSenderService,
  ) {}

  @Get('me/messages')
  @Roles('pool-member')
  @ApiOkResponse({
    description: 'My messages (reminders and changes), newest first, with whether each was sent.',
  })
  mine(@CurrentUser() member: SessionUser): Promise<PoolMessageDto[]> {
    return this.messages.mine(member);
  }

  @Get('me/notification-settings')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'Which kinds of message I get.' })
  settings(@CurrentUser() member: SessionUser): Promise<NotificationSettingsDto> {
    return this.messages.settings(member);
  }

  @Put('me/notification-settings')
  @Roles('pool-member')
  @ApiOkResponse({
    description: 'Switch kinds of message off (the list replaces the old one; all others are on).',
  })
  setSettings(
    @CurrentUser() member: SessionUser,
    @Body() body: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.messages.setSettings(member, body.off);
  }

  @Get('messages/failures')
  @Roles('admin')
  @ApiOkResponse({ description: 'Messages that failed or wait for another attempt, with the last error.' })
  failures(@CurrentUser() admin: SessionUser): Promise<MessageFailureDto[]> {
    return this.messages.failures(admin);
  }

  @Post('messages/:messageId/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Try a failed message again at the next send.' })
  retry(
    @CurrentUser() admin: SessionUser,
    @Param('messageId', ParseUUIDPipe) messageId: string,
  ): Promise<MessageFailureDto> {
    return this.messages.retry(admin, messageId);
  }

  @Post('messages/send-due')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Send the due messages now (the scheduled tick does this every minute).' })
  sendDue(): Promise<SendDueResultDto> {
    return this.sender.sendDue();
  }
}
