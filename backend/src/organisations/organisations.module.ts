import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DepartmentEntity } from './department.entity';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, DepartmentEntity])],
  providers: [OrganisationsService],
  exports: [OrganisationsService, TypeOrmModule],
})
export class OrganisationsModule {}
