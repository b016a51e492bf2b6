import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QueueDto } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { QueuesService, toQueueDto } from './queues.service';

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
}
