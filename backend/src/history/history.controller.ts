import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { DailyHistoryResponse } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { DateRangeQuery } from '../common/date-range.query';
import { HistoryService } from './history.service';

@ApiTags('history')
@Roles('planner', 'manager', 'admin')
@Controller('queues/:queueId/history')
export class HistoryController {
  constructor(private readonly historyService: HistoryService) {}

  @Get('daily')
  @ApiOkResponse({
    description: 'Offered, handled and abandoned contacts per day, in the organisation time zone.',
  })
  daily(
    @Param('queueId', ParseUUIDPipe) queueId: string,
    @Query() range: DateRangeQuery,
  ): Promise<DailyHistoryResponse> {
    return this.historyService.daily(queueId, range.from, range.to);
  }
}
