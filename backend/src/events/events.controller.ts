import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';

import type { EventDto, EventOccurrenceDto } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { DateRangeQuery } from '../common/date-range.query';
import { EventsService } from './events.service';
import { SetEventClosedDto } from './set-event-closed.dto';

@ApiTags('events')
@Roles('planner', 'manager', 'admin')
@Controller('events')
export class EventsController {
  constructor(private readonly eventsService: EventsService) {}

  @Get()
  @ApiOkResponse({ description: 'The events (date rule and window) that shape the organisation demand.' })
  list(): Promise<EventDto[]> {
    return this.eventsService.list();
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

  @Put(':id/closed')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The event; when closed, every queue is closed on its date (forecast 0).' })
  setClosed(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetEventClosedDto): Promise<EventDto> {
    return this.eventsService.setClosed(id, body.closed);
  }
}
