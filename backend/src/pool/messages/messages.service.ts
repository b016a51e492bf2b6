import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  POOL_MESSAGE_KINDS,
  type MessageFailureDto,
  type NotificationSettingsDto,
  type PoolMessageDto,
  type PoolMessageKind,
} from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { OrganisationsService } from '../../organisations/organisations.service';
import { MESSAGE_LABELS, messageTextOfRow } from './message-text';
import { queryAffected, queryOne, queryRows } from '../../database/query-rows';

/** How many of their messages a member sees (newest first). */
const MY_MESSAGES = 100;

interface MessageRow {
  id: string;
  kind: PoolMessageKind;
  payload: Record<string, unknown>;
  created_at: Date;
  sent_at: Date | null;
  skipped_at: Date | null;
  failed_at: Date | null;
  name: string;
  skill: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
}

/** A member's messages and their choice of kinds; the admins' view of messages that fail. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async mine(member: SessionUser): Promise<PoolMessageDto[]> {
    const { timeZone } = await this.organisations.current();
    const rows = await queryRows<MessageRow>(
      this.dataSource,
      `select o.id, o.kind, o.payload, o.created_at, o.sent_at, o.skipped_at, o.failed_at, u.name,
              q.name as skill, s.starts_at, s.ends_at
         from pool_outbox o join app_user u on u.id = o.user_id
         left join pool_shift s on s.id::text = o.payload->>'shiftId' left join queue q on q.id = s.queue_id
        where o.user_id = $1 order by o.created_at desc, o.id limit $2`,
      [member.id, MY_MESSAGES],
    );
    return rows.map((row) => {
      const { subject, text } = messageTextOfRow(row, timeZone);
      return {
        id: row.id,
        kind: row.kind,
        subject,
        text,
        status: row.sent_at ? 'sent' : row.skipped_at ? 'skipped' : row.failed_at ? 'failed' : 'pending',
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at ? row.sent_at.toISOString() : null,
      };
    });
  }

  async settings(member: SessionUser): Promise<NotificationSettingsDto> {
    const row = await queryOne<{ switched_off: string[] }>(
      this.dataSource,
      `select switched_off from pool_notification_setting where user_id = $1`,
      [member.id],
    );
    return toSettings(row?.switched_off ?? []);
  }

  /** The kinds to switch off replace the old list; sending the same list again changes nothing. */
  async setSettings(member: SessionUser, off: PoolMessageKind[]): Promise<NotificationSettingsDto> {
    const unique = [...new Set(off)].sort();
    await this.dataSource.query(
      `insert into pool_notification_setting (user_id, switched_off) values ($1, $2::text[])
       on conflict (user_id) do update set switched_off = excluded.switched_off, updated_at = now()`,
      [member.id, unique],
    );
    return toSettings(unique);
  }

  /** Messages that failed (the sender gave up) or are waiting to be tried again. */
  async failures(admin: SessionUser): Promise<MessageFailureDto[]> {
    const rows = await queryRows<{
      id: string;
      user_id: string;
      email: string;
      kind: PoolMessageKind;
      attempts: number;
      last_error: string | null;
      failed_at: Date | null;
      next_attempt_at: Date;
      created_at: Date;
    }>(
      this.dataSource,
      `select o.id, o.user_id, u.email, o.kind, o.attempts, o.last_error, o.failed_at, o.next_attempt_at, o.created_at
         from pool_outbox o join app_user u on u.id = o.user_id
        where u.organisation_id = $1 and o.sent_at is null and o.skipped_at is null and o.last_error is not null
        order by o.failed_at desc nulls last, o.created_at desc limit 500`,
      [admin.organisationId],
    );
    return rows.map((row) => ({
      id: row.id,
      memberId: row.user_id,
      email: row.email,
      kind: row.kind,
      attempts: row.attempts,
      lastError: row.last_error,
      failedAt: row.failed_at ? row.failed_at.toISOString() : null,
      nextAttemptAt: row.failed_at ? null : row.next_attempt_at.toISOString(),
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** Tries a failed (or waiting) message again at the next send, with a fresh count of attempts. */
  async retry(admin: SessionUser, id: string): Promise<MessageFailureDto> {
    const updated = await queryAffected(
      this.dataSource,
      `update pool_outbox o set failed_at = null, attempts = 0, next_attempt_at = clock_timestamp()
         from app_user u where u.id = o.user_id and o.id = $1 and u.organisation_id = $2
          and o.sent_at is null and o.skipped_at is null and o.last_error is not null`,
      [id, admin.organisationId],
    );
    const failure = (await this.failures(admin)).find((row) => row.id === id);
    if (updated === 0 || !failure) throw new NotFoundException(`no failed message ${id}`);
    return failure;
  }
}

function toSettings(switchedOff: string[]): NotificationSettingsDto {
  return {
    kinds: POOL_MESSAGE_KINDS.map((kind) => ({
      kind,
      label: MESSAGE_LABELS[kind],
      on: !switchedOff.includes(kind),
    })),
  };
}
