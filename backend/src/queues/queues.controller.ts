import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QueueDto } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { QueuesService, toQueueDto } from './queues.service';
import { SetClosedDaysDto } from './set-closed-days.dto';

@ApiTags('queues')
@Roles('planner', 'manager', 'admin')
@Controller('queues')
export class QueuesController {
  constructor(private readonly queuesService: QueuesService) {}

  @Get()
  @ApiOkResponse({ description: 'All queues of the organisation, by name.' })
  list(): Promise<QueueDto[]> {
    return this.queuesService.list();
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<QueueDto> {
    return toQueueDto(await this.queuesService.get(id));
  }

  @Put(':id/closed-days')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The queue with its new closed days (forecast 0, never staffed).' })
  setClosedDays(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetClosedDaysDto): Promise<QueueDto> {
    return this.queuesService.setClosedDays(id, body.closedDays);
  }
}
