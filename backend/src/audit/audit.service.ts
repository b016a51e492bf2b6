import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { AuditEventDto } from '@peakplan/contracts';
import { addDays, ZoneClock } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { instantSql } from '../database/local-time-sql';
import { queryOne } from '../database/query-rows';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  /** Who did it: the signed-in person, or null for the system (jobs, sign-in lock-outs). */
  actor: Pick<SessionUser, 'id' | 'email' | 'organisationId'> | null;
  /** What happened, as `<thing>.<verb>`: `scenario.updated`, `shifts.published`, `pool-member.approved`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  organisationId?: string | null;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Part of the actor's email, any case. */
  actor?: string;
  /** First and last calendar day (inclusive, YYYY-MM-DD) in the organisation's time zone. */
  from?: string;
  to?: string;
  /** Only events strictly older than this (paging backwards). */
  before?: Date;
  /**
   * Only events after this one in the trail's order (newest first): exact paging, where `before` would
   * skip the other events of one transaction, which share its timestamp.
   */
  beforeId?: string;
  limit: number;
}

/**
 * The audit trail: who changed what, when, with the state before and after. Other modules call
 * `record(...)`, passing their transaction's EntityManager so the audit row commits or rolls back with
 * the change it describes. Never pass secrets (password hashes, tokens) in before/after.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `insert into audit_event (organisation_id, actor_id, actor_email, action, entity_type, entity_id, before, after)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
      [
        entry.organisationId ?? entry.actor?.organisationId ?? null,
        entry.actor?.id ?? null,
        entry.actor?.email ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  async list(organisationId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    const builder = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('event')
      .where('(event.organisation_id = :organisationId or event.organisation_id is null)', { organisationId })
      .orderBy('event.at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(query.limit);
    if (query.entityType)
      builder.andWhere('event.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.actor)
      builder.andWhere(`lower(event.actor_email) like :actor escape '\\'`, {
        actor: `%${query.actor
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
      });
    // Calendar days in the organisation's own zone, as the dashboard shows them.
    if (query.from || query.to) {
      const organisation = await queryOne<{ time_zone: string }>(
        this.dataSource,
        `select time_zone from organisation where id = $1`,
        [organisationId],
      );
      // The organisation is the signed-in person's and exists; UTC only stands in for a missing row.
      const clock = new ZoneClock(organisation?.time_zone ?? 'UTC');
      if (query.from)
        builder.andWhere(`event.at >= ${instantSql(':fromMs')}`, { fromMs: clock.dayStart(query.from) });
      if (query.to)
        builder.andWhere(`event.at < ${instantSql(':toMs')}`, {
          toMs: clock.dayStart(addDays(query.to, 1)),
        });
    }
    if (query.before) builder.andWhere('event.at < :before', { before: query.before });
    if (query.beforeId)
      builder.andWhere(
        '(event.at, event.id) < (select cursor.at, cursor.id from audit_event cursor where cursor.id = :beforeId)',
        { beforeId: query.beforeId },
      );
    const events = await builder.getMany();
    return events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorId: event.actorId,
      actorEmail: event.actorEmail,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
    }));
  }
}
