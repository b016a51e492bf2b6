import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { OrganisationDto } from '@peakplan/contracts';

import { CurrentUser, EVERY_ROLE, Roles, type SessionUser } from '../auth/access.decorators';
import { UpdateOrganisationDto } from './organisation.dto';
import { OrganisationSettingsService } from './organisation-settings.service';

@ApiTags('organisation')
@ApiBearerAuth()
@ApiCookieAuth('peakplan_session')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ description: 'My organisation: its time zone and the locale every page formats with.' })
  get(@CurrentUser() user: SessionUser): Promise<OrganisationDto> {
    return this.settings.get(user);
  }

  @Put()
  @Roles('admin')
  @ApiOkResponse({ description: 'Sets the time zone (IANA) and locale (nl-NL or en-GB); audited.' })
  update(@CurrentUser() admin: SessionUser, @Body() body: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.settings.update(admin, body);
  }
}
