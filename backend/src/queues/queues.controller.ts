import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { QueueDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { CreateQueueDto, ListQueuesQuery, UpdateQueueDto } from './queue.dto';
import { QueuesService, toQueueDto } from './queues.service';
import { SetClosedDaysDto } from './set-closed-days.dto';

@ApiTags('queues')
@Roles('planner', 'manager', 'admin')
@Controller('queues')
export class QueuesController {
  constructor(private readonly queuesService: QueuesService) {}

  @Get()
  @ApiOkResponse({ description: 'The queues in use, by name (`includeRetired=true`: retired ones too).' })
  list(@Query() query: ListQueuesQuery): Promise<QueueDto[]> {
    return this.queuesService.list(query.includeRetired === 'true');
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<QueueDto> {
    return toQueueDto(await this.queuesService.get(id));
  }

  @Post()
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The new queue (audited as queue.created); 409 when the name is taken.' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateQueueDto): Promise<QueueDto> {
    return this.queuesService.create(user, body);
  }

  @Patch(':id')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The queue after the change (audited with before and after).' })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateQueueDto,
  ): Promise<QueueDto> {
    return this.queuesService.update(user, id, body);
  }

  @Delete(':id')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Retires the queue: its history and forecasts stay; it leaves the lists.' })
  retire(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<QueueDto> {
    return this.queuesService.retire(user, id);
  }

  @Put(':id/closed-days')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'The queue with its new closed days (forecast 0, never staffed).' })
  setClosedDays(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetClosedDaysDto,
  ): Promise<QueueDto> {
    return this.queuesService.setClosedDays(user, id, body.closedDays);
  }
}
