import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';

import type { EventDto, EventOccurrenceDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { DateRangeQuery } from '../common/date-range.query';
import { CreateEventDto, ListEventsQuery, UpdateEventDto } from './event.dto';
import { EventsService } from './events.service';
import { SetEventClosedDto } from './set-event-closed.dto';

@ApiTags('events')
@Roles('planner', 'manager', 'admin')
@Controller('events')
export class EventsController {
  constructor(private readonly eventsService: EventsService) {}

  @Get()
  @ApiOkResponse({
    description: 'The events in use (date rule and window) that shape demand (`includeRetired=true`: all).',
  })
  list(@Query() query: ListEventsQuery): Promise<EventDto[]> {
    return this.eventsService.list(query.includeRetired === 'true');
  }

  @Get('occurrences')
  @ApiOkResponse({ description: 'Event dates between from and to (default: this year and the two before).' })
  occurrences(@Query() range: DateRangeQuery): Promise<EventOccurrenceDto[]> {
    const thisYear = DateTime.utc().year;
    return this.eventsService.occurrences(
      range.from ?? `${thisYear - 2}-01-01`,
      range.to ?? `${thisYear}-12-31`,
    );
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EventDto> {
    return this.eventsService.get(id);
  }

  @Post()
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The new event (audited as event.created); 409 when the key is taken.' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateEventDto): Promise<EventDto> {
    return this.eventsService.create(user, body);
  }

  @Patch(':id')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The event after the change (audited with before and after).' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventDto> {
    return this.eventsService.update(user, id, body);
  }

  @Delete(':id')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Retires the event: forecasts stop using it; its past stays readable.' })
  retire(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<EventDto> {
    return this.eventsService.retire(user, id);
  }

  @Put(':id/closed')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The event; when closed, every queue is closed on its date (forecast 0).' })
  setClosed(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetEventClosedDto,
  ): Promise<EventDto> {
    return this.eventsService.setClosed(user, id, body.closed);
  }
}
