import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { EventDto, EventOccurrenceDto } from '@peakplan/contracts';
import { EventDefinition, eventOccurrences } from '@peakplan/forecasting';

import { OrganisationsService } from '../organisations/organisations.service';
import { EventEntity } from './event.entity';

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
    name: event.name,
    rule: event.rule,
    windowBefore: event.windowBefore,
    windowAfter: event.windowAfter,
    country,
    closed: event.closed,
  };
}

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(): Promise<EventDto[]> {
    const organisation = await this.organisations.current();
    const events = await this.events.find({
      where: { organisationId: organisation.id },
      order: { name: 'ASC' },
    });
    return events.map((event) => toEventDto(event, organisation.country));
  }

  /** Closes (or opens) every queue on the event's date. */
  async setClosed(id: string, closed: boolean): Promise<EventDto> {
    const organisation = await this.organisations.current();
    const event = await this.events.findOneBy({ id, organisationId: organisation.id });
    if (!event) throw new NotFoundException(`event ${id} does not exist`);
    event.closed = closed;
    await this.events.update({ id }, { closed });
    return toEventDto(event, organisation.country);
  }

  /** The dates of the organisation's events between two dates (inclusive), resolved by the calendar engine. */
  async occurrences(from: string, to: string): Promise<EventOccurrenceDto[]> {
    if (from > to) throw new BadRequestException(`from (${from}) must not be after to (${to})`);
    const organisation = await this.organisations.current();
    const events = await this.events.find({ where: { organisationId: organisation.id } });
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    return eventOccurrences(events.map(toEventDefinition), fromYear, toYear)
      .filter((occurrence) => occurrence.date >= from && occurrence.date <= to)
      .map((occurrence) => ({ eventId: occurrence.eventId, name: occurrence.name, date: occurrence.date }));
  }
}
