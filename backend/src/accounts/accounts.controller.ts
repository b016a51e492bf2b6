import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import type { AccountDto, AccountImportResult, PasswordResetResponse } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { AccountImportQuery, CreateAccountDto, SetRolesDto } from './accounts.dto';
import { AccountsImportService } from './accounts-import.service';
import { AccountsService } from './accounts.service';
import { readCsvBody } from './read-text-body';

const ACCOUNT_CSV_LIMIT_BYTES = 2 * 1024 * 1024;

@ApiTags('accounts')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Roles('admin')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly imports: AccountsImportService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Every account of the organisation, by email.' })
  list(@CurrentUser() admin: SessionUser): Promise<AccountDto[]> {
    return this.accounts.list(admin);
  }

  @Post()
  create(@CurrentUser() admin: SessionUser, @Body() body: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(admin, body);
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'CSV, UTF-8, header `name,email,department,roles`; several roles separated by `;`. At most 2 MB.',
    schema: {
      type: 'string',
      example:
        'name,email,department,roles\nAnna Visser,anna.visser@example.com,Finance,pool-member\nBram Bos,bram.bos@example.com,Marketing,manager;pool-member\n',
    },
  })
  @ApiOkResponse({
    description:
      'Per row: create, change (which fields) or unchanged. A preview unless apply=true; all rows or none, idempotent. Existing accounts keep their roles unless changeRoles=true; no import takes the admin role from you or removes the last admin.',
  })
  async import(
    @CurrentUser() admin: SessionUser,
    @Req() request: Request,
    @Query() query: AccountImportQuery,
  ): Promise<AccountImportResult> {
    return this.imports.importCsv(admin, await readCsvBody(request, ACCOUNT_CSV_LIMIT_BYTES), {
      apply: query.apply === 'true',
      changeRoles: query.changeRoles === 'true',
    });
  }

  @Get(':id')
  get(@CurrentUser() admin: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return this.accounts.get(admin, id);
  }

  @Put(':id/roles')
  setRoles(
    @CurrentUser() admin: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetRolesDto,
  ): Promise<AccountDto> {
    return this.accounts.setRoles(admin, id, body.roles);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() admin: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return this.accounts.setActive(admin, id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  activate(@CurrentUser() admin: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return this.accounts.setActive(admin, id, true);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'A one-time password, shown once; the account is unlocked and signed out everywhere.',
  })
  resetPassword(
    @CurrentUser() admin: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PasswordResetResponse> {
    return this.accounts.resetPassword(admin, id);
  }
}
