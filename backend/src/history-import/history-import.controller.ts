import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import type { HistoryImportProgress, HistoryImportReport } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { drainRequest } from '../common/drain-request';
import { HistoryImportService } from './history-import.service';
import { ImportHistoryQuery } from './import-history.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CSV_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'];

@ApiTags('history import')
@Controller('history/imports')
export class HistoryImportController {
  constructor(private readonly imports: HistoryImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('planner', 'admin')
  @ApiConsumes('text/csv')
  @ApiHeader({
    name: 'X-Import-Id',
    required: false,
    description: 'A UUID chosen by the client, to poll GET /api/history/imports/{id} while the upload runs',
  })
  @ApiBody({
    description:
      'CSV, UTF-8 without byte-order mark, LF line ends, comma-separated, header `queue,start,offered[,handled,abandoned,aht_seconds,reason]` and optional quality counts repeat, transferred, nps_promoters, nps_passives, nps_detractors, csat_responses, csat_satisfied; start is YYYY-MM-DD (a day) or an ISO date-time with offset (an interval). Streamed: up to 1 GB.',
    schema: {
      type: 'string',
      example:
        'queue,start,offered,handled,abandoned,aht_seconds,reason\nphone,2026-02-13T09:00:00+01:00,42,40,2,310,order-status\n',
    },
  })
  @ApiOkResponse({
    description:
      'The import report: rows read, inserted, updated, unchanged and rejected (row, field, reason). 400 for a bad file, 422 for bad rows (nothing written).',
  })
  async import(
    @Req() request: Request,
    @Query() query: ImportHistoryQuery,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-import-id') importId: string | undefined,
  ): Promise<HistoryImportReport> {
    try {
      const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
      if (!CSV_TYPES.includes(mediaType))
        throw new UnsupportedMediaTypeException(
          `send the CSV as the request body with Content-Type text/csv (got "${mediaType || 'none'}")`,
        );
      if (importId !== undefined && !UUID.test(importId))
        throw new BadRequestException({
          message: 'X-Import-Id must be a UUID',
          details: [{ field: 'X-Import-Id', reason: 'must be a UUID' }],
        });
      return await this.imports.importCsv(request, {
        importId,
        fileName: query.fileName,
        skipInvalidRows: query.skipInvalidRows === 'true',
        importedBy: (request as Request & { user?: { email?: string } }).user?.email ?? null,
      });
    } finally {
      await drainRequest(request);
    }
  }

  @Get()
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Running imports (progress) and the latest 50 reports, newest first.' })
  list(): Promise<(HistoryImportProgress | HistoryImportReport)[]> {
    return this.imports.list();
  }

  @Get(':importId')
  @Roles('planner', 'admin')
  @ApiOkResponse({ description: 'Progress of a running import, or the report of a finished one.' })
  status(
    @Param('importId', ParseUUIDPipe) importId: string,
  ): Promise<HistoryImportProgress | HistoryImportReport> {
    return this.imports.status(importId);
  }
}
