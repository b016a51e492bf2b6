import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { OrganisationEntity } from './organisation.entity';

/** PeakPlan serves one organisation per installation for now; this finds it. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  async current(): Promise<OrganisationEntity> {
    const [organisation] = await this.organisations.find({ order: { createdAt: 'ASC' }, take: 1 });
    if (!organisation)
      throw new NotFoundException('no organisation yet: start with PEAKPLAN_DEMO=true or import one');
    return organisation;
  }
}
