import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuditEventDto } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { AuditListQuery } from './audit.query';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Roles('admin', 'manager')
@Controller('audit')
export class AuditController {
  constructor(private readonly auditService: AuditService) {}

  @Get()
  @ApiOkResponse({ description: 'Audit events, newest first: who, what, when, before and after.' })
  list(@CurrentUser() user: SessionUser, @Query() query: AuditListQuery): Promise<AuditEventDto[]> {
    return this.auditService.list(user.organisationId, { ...query, limit: query.limit ?? 100 });
  }
}
