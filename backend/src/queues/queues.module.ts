import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { QueueEntity } from './queue.entity';
import { QueuesController } from './queues.controller';
import { QueuesService } from './queues.service';

@Module({
  imports: [TypeOrmModule.forFeature([QueueEntity])],
  controllers: [QueuesController],
  providers: [QueuesService],
  exports: [QueuesService, TypeOrmModule],
})
export class QueuesModule {}
