import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

import type {
  ForecastAccuracyReport,
  ForecastIntervalDto,
  ForecastRunComparison,
  ForecastRunDetail,
  ForecastRunSummary,
} from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { DateRangeQuery } from '../common/date-range.query';
import { CompareForecastRunsQuery } from './compare-forecast-runs.query';
import { STARTED_RUN_EXAMPLE, WORKING_RUN_EXAMPLE } from './forecast-run.examples';
import { ForecastRunsService } from './forecast-runs.service';
import { StartForecastRunDto } from './start-forecast-run.dto';

@ApiTags('forecast runs')
@Controller('forecast-runs')
export class ForecastRunsController {
  constructor(private readonly runs: ForecastRunsService) {}

  @Post()
  @HttpCode(202)
  @Roles('planner', 'admin')
  @ApiAcceptedResponse({
    description:
      'The runs created, one per queue (status running, stage queued, progress 0). They compute one after another off the request thread; poll GET /api/forecast-runs/{id}: stage moves through loading history, fitting, backtest, spreading intervals and storing to completed (or failed), progress from 0 to 1.',
    schema: { example: [STARTED_RUN_EXAMPLE] },
  })
  start(@Body() body: StartForecastRunDto, @CurrentUser() user: SessionUser): Promise<ForecastRunSummary[]> {
    return this.runs.start(body, user.email);
  }

  @Get()
  @Roles('planner', 'manager', 'admin')
  @ApiQuery({ name: 'queueId', required: false })
  @ApiOkResponse({ description: 'The latest 200 runs, newest first.' })
  list(
    @Query('queueId', new ParseUUIDPipe({ optional: true })) queueId?: string,
  ): Promise<ForecastRunSummary[]> {
    return this.runs.list(queueId);
  }

  @Get('compare')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'Daily P50 of the runs side by side, with actuals (one queue).' })
  compare(@Query() query: CompareForecastRunsQuery): Promise<ForecastRunComparison> {
    return this.runs.compare(query.ids.split(','));
  }

  @Get(':runId')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      'The run: stage and progress while it works; once completed its model, parameters, backtest table, warnings and daily P10/P50/P90. A run whose service stopped before it finished is failed ("interrupted: …"): start it again.',
    schema: { example: WORKING_RUN_EXAMPLE },
  })
  detail(@Param('runId', ParseUUIDPipe) runId: string): Promise<ForecastRunDetail> {
    return this.runs.detail(runId);
  }

  @Get(':runId/intervals')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'Interval P10/P50/P90 between two local dates (default the whole horizon).' })
  intervals(
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() range: DateRangeQuery,
  ): Promise<ForecastIntervalDto[]> {
    return this.runs.intervals(runId, range.from, range.to);
  }

  @Get(':runId/accuracy')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      'Forecast against actuals: per day (with band), per event window (post-peak summary) and overall WAPE, bias, MASE (lag 364) and P10–P90 coverage, and interval-level metrics. Days without actuals are forecast-only.',
  })
  accuracy(
    @Param('runId', ParseUUIDPipe) runId: string,
    @Query() range: DateRangeQuery,
  ): Promise<ForecastAccuracyReport> {
    return this.runs.accuracy(runId, range.from, range.to);
  }
}
