import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';

import type { ClosedDayRule, QueueDto } from '@peakplan/contracts';
import { resolveEventDates, type EventRule } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/unique-violation';
import { OrganisationsService } from '../organisations/organisations.service';
import type { CreateQueueDto, UpdateQueueDto } from './queue.dto';
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
    intervalMinutes: queue.intervalMinutes,
    repeatWindowDays: queue.repeatWindowDays,
    retiredAt: queue.retiredAt ? queue.retiredAt.toISOString() : null,
    closedDays: queue.closedDays as ClosedDayRule[],
  };
}

@Injectable()
export class QueuesService {
  constructor(
    @InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>,
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** The queues in use, by name; with `includeRetired` the retired ones too. */
  async list(includeRetired = false): Promise<QueueDto[]> {
    const queues = await this.queues.find({
      where: includeRetired ? {} : { retiredAt: IsNull() },
      order: { name: 'ASC' },
    });
    return queues.map(toQueueDto);
  }

  async get(id: string): Promise<QueueEntity> {
    const queue = await this.queues.findOneBy({ id });
    if (!queue) throw new NotFoundException(`queue ${id} does not exist`);
    return queue;
  }

  async create(user: SessionUser, request: CreateQueueDto): Promise<QueueDto> {
    const organisation = await this.organisations.current();
    return this.inTransaction(request.name, async (manager) => {
      const created = await manager.getRepository(QueueEntity).save(
        manager.getRepository(QueueEntity).create({
          organisationId: organisation.id,
          name: request.name.trim(),
          kind: request.kind,
          serviceLevelTarget: request.serviceLevelTarget,
          targetSeconds: request.targetSeconds,
          ahtSeconds: request.ahtSeconds,
          patienceSeconds: request.patienceSeconds ?? null,
          concurrency: request.concurrency ?? 1,
          intervalMinutes: request.intervalMinutes ?? 15,
          repeatWindowDays: request.repeatWindowDays ?? 7,
          retiredAt: null,
        }),
      );
      const after = toQueueDto(created);
      await this.audit.record(
        { actor: user, action: 'queue.created', entityType: 'queue', entityId: created.id, after },
        manager,
      );
      return after;
    });
  }

  async update(user: SessionUser, id: string, request: UpdateQueueDto): Promise<QueueDto> {
    return this.inTransaction(request.name, async (manager) => {
      const repository = manager.getRepository(QueueEntity);
      const queue = await this.lockedQueue(manager, id);
      const before = toQueueDto(queue);
      if (request.name !== undefined) queue.name = request.name.trim();
      if (request.kind !== undefined) queue.kind = request.kind;
      if (request.serviceLevelTarget !== undefined) queue.serviceLevelTarget = request.serviceLevelTarget;
      if (request.targetSeconds !== undefined) queue.targetSeconds = request.targetSeconds;
      if (request.ahtSeconds !== undefined) queue.ahtSeconds = request.ahtSeconds;
      if (request.patienceSeconds !== undefined) queue.patienceSeconds = request.patienceSeconds;
      if (request.concurrency !== undefined) queue.concurrency = request.concurrency;
      if (request.repeatWindowDays !== undefined) queue.repeatWindowDays = request.repeatWindowDays;
      const after = toQueueDto(await repository.save(queue));
      await this.audit.record(
        { actor: user, action: 'queue.updated', entityType: 'queue', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  /** Retires a queue (its history and forecasts stay); retiring a retired queue changes nothing. */
  async retire(user: SessionUser, id: string): Promise<QueueDto> {
    return this.dataSource.transaction(async (manager) => {
      const queue = await this.lockedQueue(manager, id);
      if (queue.retiredAt) return toQueueDto(queue);
      const before = toQueueDto(queue);
      queue.retiredAt = new Date();
      const after = toQueueDto(await manager.getRepository(QueueEntity).save(queue));
      await this.audit.record(
        { actor: user, action: 'queue.retired', entityType: 'queue', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  private async lockedQueue(manager: EntityManager, id: string): Promise<QueueEntity> {
    const queue = await manager
      .getRepository(QueueEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!queue) throw new NotFoundException(`queue ${id} does not exist`);
    return queue;
  }

  /** A taken name is a 409 naming the field, not a 500 from the unique constraint. */
  private async inTransaction<T>(
    name: string | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException({
          message: `name: a queue named "${name?.trim()}" already exists (retired queues keep their names)`,
          details: [{ field: 'name', reason: 'already taken' }],
        });
      }
      throw error;
    }
  }

  /**
   * Replaces the queue's closed days (audited with before and after); each rule must resolve in the
   * calendar engine, or nothing changes.
   */
  async setClosedDays(user: SessionUser, id: string, closedDays: ClosedDayRule[]): Promise<QueueDto> {
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
    return this.dataSource.transaction(async (manager) => {
      const queue = await this.lockedQueue(manager, id);
      const before = toQueueDto(queue);
      queue.closedDays = closedDays as EventRule[];
      const after = toQueueDto(await manager.getRepository(QueueEntity).save(queue));
      await this.audit.record(
        { actor: user, action: 'queue.closed-days', entityType: 'queue', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }
}
