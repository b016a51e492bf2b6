import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { CalendarFeedDto, MyScheduleEntryDto } from '@peakplan/contracts';

import { CurrentUser, Public, Roles, type SessionUser } from '../auth/access.decorators';
import { CalendarFeedService } from './calendar-feed.service';
import { SignUpsService } from './sign-ups.service';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

function absolute(request: Request, path: string): string {
  return `${request.protocol}://${request.get('host')}${path}`;
}

@ApiTags('pool')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('pool')
export class MyScheduleController {
  constructor(
    private readonly signUps: SignUpsService,
    private readonly calendarFeed: CalendarFeedService,
  ) {}

  @Get('me/schedule')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'My confirmed, requested and waitlisted shifts, soonest first.' })
  schedule(@CurrentUser() member: SessionUser): Promise<MyScheduleEntryDto[]> {
    return this.signUps.schedule(member);
  }

  @Get('me/calendar-feed')
  @Roles('pool-member')
  @ApiOkResponse({ description: 'The secret URL of my calendar feed (subscribe to it in a calendar app).' })
  async feed(@CurrentUser() member: SessionUser, @Req() request: Request): Promise<CalendarFeedDto> {
    return { url: absolute(request, await this.calendarFeed.feedPath(member)) };
  }

  @Post('me/calendar-feed/renew')
  @Roles('pool-member')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new secret URL; the old one stops working.' })
  async renew(@CurrentUser() member: SessionUser, @Req() request: Request): Promise<CalendarFeedDto> {
    return { url: absolute(request, await this.calendarFeed.renew(member)) };
  }

  @Get('me/calendar.ics')
  @Roles('pool-member')
  @ApiProduces('text/calendar')
  @Header('Content-Type', CALENDAR_TYPE)
  @Header('Content-Disposition', 'attachment; filename="peakplan-shifts.ics"')
  @ApiOkResponse({ description: 'My shifts as a one-off .ics download.' })
  download(@CurrentUser() member: SessionUser): Promise<string> {
    return this.calendarFeed.calendar(member.id);
  }

  /** The feed itself: no session, the URL's key is the credential (and opens this feed only). */
  @Get('calendar-feeds/:memberId/:key')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A member’s calendar feed at its secret URL (text/calendar).' })
  async calendar(
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Param('key') key: string,
    @Res() response: Response,
  ): Promise<void> {
    const body = await this.calendarFeed.feedFor(memberId, key);
    response.status(200).type(CALENDAR_TYPE).setHeader('Cache-Control', 'private, max-age=300');
    response.send(body);
  }
}
