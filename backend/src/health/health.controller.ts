import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import type { DatabaseKind, HealthResponse } from '@peakplan/contracts';

import { Public } from '../auth/access.decorators';
import { DATABASE_KIND } from '../database/database-kind';
import { DemoPreparation } from '../demo/demo-preparation';
import { queryRows } from '../database/query-rows';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    private readonly demoPreparation: DemoPreparation,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      'Service and database status, with the migrations run and pending; in demo mode, how far the demo’s past peaks are.',
  })
  async health(): Promise<HealthResponse> {
    const rows = await queryRows<{ name: string }>(
      this.dataSource,
      `select name from schema_migrations order by id`,
    );
    const migrationsRun = rows.map((row) => row.name);
    const known = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
    const pastPeaks = this.demoPreparation.pastPeaks();
    return {
      status: 'ok',
      database: {
        kind: this.databaseKind,
        migrationsRun,
        migrationsPending: known.filter((name) => !migrationsRun.includes(name)),
      },
      version: process.env['npm_package_version'] ?? '0.1.0',
      uptimeSeconds: Math.round(process.uptime()),
      ...(pastPeaks ? { demo: { pastPeaks } } : {}),
    };
  }
}
