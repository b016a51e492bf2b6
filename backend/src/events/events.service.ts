import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';

import type { EventDto, EventOccurrenceDto } from '@peakplan/contracts';
import { EventDefinition, eventOccurrences } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/unique-violation';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateEventDto, keyFromName, UpdateEventDto } from './event.dto';
import { EventEntity } from './event.entity';
import { parseEventRule } from './event-rule.schema';

export function toEventDefinition(event: EventEntity): EventDefinition {
  return {
    id: event.id,
    name: event.name,
    rule: event.rule,
    windowBefore: event.windowBefore,
    windowAfter: event.windowAfter,
    closed: event.closed,
  };
}

function toEventDto(event: EventEntity, country: string | null): EventDto {
  return {
    id: event.id,
    key: event.key,
    name: event.name,
    rule: event.rule,
    windowBefore: event.windowBefore,
    windowAfter: event.windowAfter,
    country,
    region: event.region,
    closed: event.closed,
    retiredAt: event.retiredAt ? event.retiredAt.toISOString() : null,
  };
}

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly organisations: OrganisationsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(includeRetired = false): Promise<EventDto[]> {
    const organisation = await this.organisations.current();
    const events = await this.events.find({
      where: { organisationId: organisation.id, ...(includeRetired ? {} : { retiredAt: IsNull() }) },
      order: { name: 'ASC' },
    });
    return events.map((event) => toEventDto(event, organisation.country));
  }

  /** Closes (or opens) every queue on the event's date; audited with before and after. */
  async setClosed(user: SessionUser, id: string, closed: boolean): Promise<EventDto> {
    const organisation = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedEvent(manager, organisation.id, id);
      const before = toEventDto(event, organisation.country);
      event.closed = closed;
      const after = toEventDto(await manager.getRepository(EventEntity).save(event), organisation.country);
      await this.audit.record(
        { actor: user, action: 'event.closed', entityType: 'event', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  async get(id: string): Promise<EventDto> {
    const organisation = await this.organisations.current();
    const event = await this.events.findOneBy({ id, organisationId: organisation.id });
    if (!event) throw new NotFoundException(`event ${id} does not exist`);
    return toEventDto(event, organisation.country);
  }

  /** The dates of the organisation's events in use between two dates (inclusive), resolved by the calendar engine. */
  async occurrences(from: string, to: string): Promise<EventOccurrenceDto[]> {
    if (from > to) throw new BadRequestException(`from (${from}) must not be after to (${to})`);
    const organisation = await this.organisations.current();
    const events = await this.events.find({
      where: { organisationId: organisation.id, retiredAt: IsNull() },
    });
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    return eventOccurrences(events.map(toEventDefinition), fromYear, toYear)
      .filter((occurrence) => occurrence.date >= from && occurrence.date <= to)
      .map((occurrence) => ({ eventId: occurrence.eventId, name: occurrence.name, date: occurrence.date }));
  }

  async create(user: SessionUser, request: CreateEventDto): Promise<EventDto> {
    const rule = parseEventRule(request.rule);
    const organisation = await this.organisations.current();
    const key = request.key ?? keyFromName(request.name);
    if (!key)
      throw new BadRequestException({
        message: 'key: give a key, the name has no letters or digits to make one from',
        details: [{ field: 'key', reason: 'cannot be made from the name' }],
      });
    return this.inTransaction(key, async (manager) => {
      const repository = manager.getRepository(EventEntity);
      const created = await repository.save(
        repository.create({
          organisationId: organisation.id,
          key,
          name: request.name.trim(),
          rule,
          windowBefore: request.windowBefore,
          windowAfter: request.windowAfter,
          region: request.region ?? null,
          retiredAt: null,
        }),
      );
      const after = toEventDto(created, organisation.country);
      await this.audit.record(
        { actor: user, action: 'event.created', entityType: 'event', entityId: created.id, after },
        manager,
      );
      return after;
    });
  }

  async update(user: SessionUser, id: string, request: UpdateEventDto): Promise<EventDto> {
    const rule = request.rule === undefined ? undefined : parseEventRule(request.rule);
    const organisation = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedEvent(manager, organisation.id, id);
      const before = toEventDto(event, organisation.country);
      if (request.name !== undefined) event.name = request.name.trim();
      if (rule !== undefined) event.rule = rule;
      if (request.windowBefore !== undefined) event.windowBefore = request.windowBefore;
      if (request.windowAfter !== undefined) event.windowAfter = request.windowAfter;
      if (request.region !== undefined) event.region = request.region;
      const after = toEventDto(await manager.getRepository(EventEntity).save(event), organisation.country);
      await this.audit.record(
        { actor: user, action: 'event.updated', entityType: 'event', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  /** Retires an event: forecasts stop using it; past forecasts and peak reviews keep its key. */
  async retire(user: SessionUser, id: string): Promise<EventDto> {
    const organisation = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedEvent(manager, organisation.id, id);
      if (event.retiredAt) return toEventDto(event, organisation.country);
      const before = toEventDto(event, organisation.country);
      event.retiredAt = new Date();
      const after = toEventDto(await manager.getRepository(EventEntity).save(event), organisation.country);
      await this.audit.record(
        { actor: user, action: 'event.retired', entityType: 'event', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  private async lockedEvent(
    manager: EntityManager,
    organisationId: string,
    id: string,
  ): Promise<EventEntity> {
    const event = await manager
      .getRepository(EventEntity)
      .findOne({ where: { id, organisationId }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new NotFoundException(`event ${id} does not exist`);
    return event;
  }

  private async inTransaction<T>(key: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException({
          message: `key: an event with key "${key}" already exists (retired events keep their keys)`,
          details: [{ field: 'key', reason: 'already taken' }],
        });
      throw error;
    }
  }
}
