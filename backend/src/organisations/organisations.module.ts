import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DepartmentEntity } from './department.entity';
import { OrganisationSettingsService } from './organisation-settings.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, DepartmentEntity])],
  controllers: [OrganisationController],
  providers: [OrganisationsService, OrganisationSettingsService],
  exports: [OrganisationsService, TypeOrmModule],
})
export class OrganisationsModule {}
