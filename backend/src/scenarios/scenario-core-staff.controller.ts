import {
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { ScenarioCoreStaffChange, ScenarioCoreStaffDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { drainRequest } from '../common/drain-request';
import { MAX_CORE_STAFF_ROWS } from './core-staff-upload';
import { CoreStaffQuery } from './scenario.dto';
import { ScenarioCoreStaffService } from './scenario-core-staff.service';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/vnd.ms-excel'];

const CHANGE_EXAMPLE: ScenarioCoreStaffChange = {
  scenarioId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  intervals: 2,
  queues: [
    {
      queue: 'phone',
      intervals: 2,
      firstStart: '2026-02-14T09:00:00+01:00',
      lastStart: '2026-02-14T09:15:00+01:00',
      agentHours: 5.5,
    },
  ],
  inserted: 2,
  updated: 0,
  deleted: 0,
  unchanged: 0,
};

@ApiTags('scenarios')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('scenarios/:scenarioId/core-staff')
export class ScenarioCoreStaffController {
  constructor(private readonly coreStaff: ScenarioCoreStaffService) {}

  @Put()
  @Roles('planner', 'admin')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `CSV, UTF-8, header \`queue,start,agents\`: queue by name (one of the scenario's queues); start an ISO date-time with offset or Z on an interval boundary of the queue, inside the scenario's period; agents a whole number ≥ 0 (present, before shrinkage). At most ${MAX_CORE_STAFF_ROWS} rows. Replaces the scenario's uploaded core staff; any bad row refuses the whole file (400, details by row and field).`,
    schema: {
      type: 'string',
      example: 'queue,start,agents\nphone,2026-02-14T09:00:00+01:00,12\nphone,2026-02-14T09:15:00+01:00,10\n',
    },
  })
  @ApiOkResponse({
    description:
      'What is stored now and what changed (inserted, updated, deleted, unchanged; keyed on queue + start). 400 for a bad file or bad rows, 413 beyond the row or size limit, 415 for a body that is not CSV.',
    schema: { example: CHANGE_EXAMPLE },
  })
  async upload(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
    @CurrentUser() user: SessionUser,
  ): Promise<ScenarioCoreStaffChange> {
    try {
      const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
      if (!CSV_TYPES.includes(mediaType))
        throw new UnsupportedMediaTypeException(
          `send the core staff as CSV with Content-Type: text/csv (got "${mediaType || 'none'}")`,
        );
      return await this.coreStaff.upload(scenarioId, request, user);
    } finally {
      await drainRequest(request);
    }
  }

  @Get()
  @Roles('planner', 'manager', 'admin')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'The uploaded core staff: JSON (summary per queue and every interval), or the CSV an upload takes with ?format=csv or Accept: text/csv.',
    schema: {
      example: {
        ...CHANGE_EXAMPLE,
        rows: [
          { queue: 'phone', start: '2026-02-14T09:00:00+01:00', agents: 12 },
          { queue: 'phone', start: '2026-02-14T09:15:00+01:00', agents: 10 },
        ],
      },
    },
  })
  async get(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @Query() query: CoreStaffQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScenarioCoreStaffDto | string> {
    const csv = query.format === 'csv' || (query.format === undefined && /^text\/csv\b/i.test(accept ?? ''));
    if (!csv) return this.coreStaff.get(scenarioId, query.rows !== 'false');
    const text = await this.coreStaff.getCsv(scenarioId);
    response.type('text/csv');
    response.setHeader('Content-Disposition', `attachment; filename="core-staff-${scenarioId}.csv"`);
    return text;
  }

  @Delete()
  @Roles('planner', 'admin')
  @ApiOkResponse({
    description: 'Removes the uploaded core staff (the weekly patterns apply again everywhere).',
    schema: { example: { ...CHANGE_EXAMPLE, intervals: 0, queues: [], inserted: 0, deleted: 2 } },
  })
  clear(
    @Param('scenarioId', ParseUUIDPipe) scenarioId: string,
    @CurrentUser() user: SessionUser,
  ): Promise<ScenarioCoreStaffChange> {
    return this.coreStaff.clear(scenarioId, user);
  }
}
