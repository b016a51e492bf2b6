import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrganisationsModule } from '../organisations/organisations.module';
import { QueueEntity } from './queue.entity';
import { QueuesController } from './queues.controller';
import { QueuesService } from './queues.service';

@Module({
  imports: [TypeOrmModule.forFeature([QueueEntity]), OrganisationsModule],
  controllers: [QueuesController],
  providers: [QueuesService],
  exports: [QueuesService, TypeOrmModule],
})
export class QueuesModule {}
