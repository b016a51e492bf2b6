import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { QueueDto } from '@peakplan/contracts';

import { QueueEntity } from './queue.entity';

export function toQueueDto(queue: QueueEntity): QueueDto {
  return {
    id: queue.id,
    name: queue.name,
    kind: queue.kind,
    serviceLevelTarget: queue.serviceLevelTarget,
    targetSeconds: queue.targetSeconds,
    ahtSeconds: queue.ahtSeconds,
    patienceSeconds: queue.patienceSeconds,
    concurrency: queue.concurrency,
  };
}

@Injectable()
export class QueuesService {
  constructor(@InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>) {}

  async list(): Promise<QueueDto[]> {
    return (await this.queues.find({ order: { name: 'ASC' } })).map(toQueueDto);
  }

  async get(id: string): Promise<QueueEntity> {
    const queue = await this.queues.findOneBy({ id });
    if (!queue) throw new NotFoundException(`queue ${id} does not exist`);
    return queue;
  }
}
