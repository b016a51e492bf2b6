import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';

import type { OrganisationDto, UpdateOrganisationRequest } from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { OrganisationEntity } from './organisation.entity';
import { queryRows } from '../database/query-rows';

function toOrganisationDto(organisation: OrganisationEntity): OrganisationDto {
  return {
    id: organisation.id,
    name: organisation.name,
    timeZone: organisation.timeZone,
    locale: organisation.locale,
    country: organisation.country,
  };
}

/** The signed-in person's organisation as the dashboard formats with it; admins set zone and locale. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(user: SessionUser, manager: EntityManager = this.dataSource.manager): Promise<OrganisationDto> {
    const organisation = await manager.findOneBy(OrganisationEntity, { id: user.organisationId });
    if (!organisation) throw new NotFoundException(`organisation ${user.organisationId} does not exist`);
    return toOrganisationDto(organisation);
  }

  async update(admin: SessionUser, body: UpdateOrganisationRequest): Promise<OrganisationDto> {
    const timeZone = body.timeZone.trim();
    return this.dataSource.transaction(async (manager) => {
      // PostgreSQL groups the history by day in this zone, so it must know the zone as well as luxon.
      const [known] = await queryRows<{ known: number }>(
        manager,
        `select 1 as known from pg_timezone_names where name = $1`,
        [timeZone],
      );
      if (!IANAZone.isValidZone(timeZone) || !known)
        throw new BadRequestException({
          message: `timeZone must be an IANA time zone such as Europe/Amsterdam; "${timeZone}" is not one`,
          details: [{ field: 'timeZone', reason: 'not an IANA time zone' }],
        });
      const before = await this.get(admin, manager);
      await manager.update(
        OrganisationEntity,
        { id: admin.organisationId },
        { timeZone, locale: body.locale },
      );
      const after = await this.get(admin, manager);
      if (before.timeZone !== after.timeZone || before.locale !== after.locale)
        await this.audit.record(
          {
            actor: admin,
            action: 'organisation.updated',
            entityType: 'organisation',
            entityId: admin.organisationId,
            before: { timeZone: before.timeZone, locale: before.locale },
            after: { timeZone: after.timeZone, locale: after.locale },
          },
          manager,
        );
      return after;
    });
  }
}
