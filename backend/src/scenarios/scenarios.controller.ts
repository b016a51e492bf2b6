import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type {
  AuditEventDto,
  ScenarioComparison,
  ScenarioDto,
  ScenarioInputsDto,
  ScenarioResult,
} from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import {
  CompareScenariosQuery,
  CopyScenarioDto,
  CreateScenarioDto,
  ScenarioResultQuery,
  UpdateScenarioDto,
} from './scenario.dto';
import { ScenariosService } from './scenarios.service';

@ApiTags('scenarios')
@Controller('scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Get()
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'All scenarios, oldest first; one may be the plan.' })
  list(): Promise<ScenarioDto[]> {
    return this.scenarios.list();
  }

  @Post()
  @Roles('planner', 'admin')
  @ApiCreatedResponse({ description: 'The scenario; its creation is in the audit trail.' })
  create(@Body() body: CreateScenarioDto, @CurrentUser() user: SessionUser): Promise<ScenarioDto> {
    return this.scenarios.create(body, user);
  }

  @Get('compare')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'Totals, per queue and per day, of two or more scenarios side by side.' })
  compare(@Query() query: CompareScenariosQuery): Promise<ScenarioComparison> {
    return this.scenarios.compare(query.ids.split(','));
  }

  @Get(':scenarioId')
  @Roles('planner', 'manager', 'admin')
  get(@Param('scenarioId', ParseUUIDPipe) scenarioId: string): Promise<ScenarioDto> {
    return this.scenarios.get(scenarioId);
  }

  @Patch(':scenarioId')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Renamed or adjusted; before and after go to the audit trail.' })
  update(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @Body() body: UpdateScenarioDto,
    @CurrentUser() user: SessionUser,
  ): Promise<ScenarioDto> {
    return this.scenarios.update(scenarioId, body, user);
  }

  @Post(':scenarioId/copy')
  @Roles('planner', 'admin')
  copy(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @Body() body: CopyScenarioDto,
    @CurrentUser() user: SessionUser,
  ): Promise<ScenarioDto> {
    return this.scenarios.copy(scenarioId, body.name, user);
  }

  @Post(':scenarioId/plan')
  @HttpCode(200)
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'This scenario becomes the plan (the previous plan stops being one).' })
  markAsPlan(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @CurrentUser() user: SessionUser,
  ): Promise<ScenarioDto> {
    return this.scenarios.markAsPlan(scenarioId, user);
  }

  @Get(':scenarioId/history')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({ description: 'Every change: who, when, before and after (newest first).' })
  history(@Param('scenarioId', ParseUUIDPipe) scenarioId: string): Promise<AuditEventDto[]> {
    return this.scenarios.history(scenarioId);
  }

  @Get(':scenarioId/result')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      'Per queue per interval: forecast, required, scheduled, core, pool gap, service level with and without the pool; totals per queue, per day and for the period (hours, cost).',
  })
  result(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @Query() query: ScenarioResultQuery,
  ): Promise<ScenarioResult> {
    return this.scenarios.result(scenarioId, query.intervals !== 'false');
  }

  @Get(':scenarioId/inputs')
  @Roles('planner', 'manager', 'admin')
  @ApiOkResponse({
    description:
      "What the scenario is computed on (each queue's forecast intervals, settings, reason mix and uploaded core staff, the saved adjustments), for recomputing it in the browser with the same computeScenario; that result plus `warnings` is what /result answers.",
  })
  inputs(@Param('scenarioId', ParseUUIDPipe) scenarioId: string): Promise<ScenarioInputsDto> {
    return this.scenarios.computationInputs(scenarioId);
  }
}
