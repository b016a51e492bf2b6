import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { ClosedDayRule, QueueDto } from '@peakplan/contracts';
import { resolveEventDates, type EventRule } from '@peakplan/forecasting';

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
    closedDays: queue.closedDays as ClosedDayRule[],
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

  /** Replaces the queue's closed days; each rule must resolve in the calendar engine, or nothing changes. */
  async setClosedDays(id: string, closedDays: ClosedDayRule[]): Promise<QueueDto> {
    const queue = await this.get(id);
    closedDays.forEach((rule, i) => {
      try {
        resolveEventDates(rule as EventRule, 2000);
      } catch (error) {
        const reason = (error as Error).message;
        throw new BadRequestException({
          message: `closedDays[${i}]: ${reason}`,
          details: [{ field: `closedDays[${i}]`, reason }],
        });
      }
    });
    queue.closedDays = closedDays as EventRule[];
    await this.queues.update({ id }, { closedDays: queue.closedDays });
    return toQueueDto(queue);
  }
}
