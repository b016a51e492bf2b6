import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import type { PoolMessageKind, SendDueResultDto } from '@peakplan/contracts';

import { OrganisationsService } from '../../organisations/organisations.service';
import { RunsOnJobQueue } from '../../jobs/queue/runs-on-job-queue.decorator';
import { MAX_ATTEMPTS, retryDelayMinutes } from './message-backoff';
import { messageTextOfRow } from './message-text';
import { MESSAGE_TRANSPORT, type MessageTransport } from './message-transport';
import { queryRows } from '../../database/query-rows';

/** Messages claimed per round; a claim holds them this long (a send never takes that long: see the transport's timeouts). */
const BATCH = 25;
const CLAIM_MINUTES = 5;

interface ClaimedRow {
  id: string;
  user_id: string;
  kind: PoolMessageKind;
  payload: Record<string, unknown>;
  attempts: number;
  email: string;
  name: string;
  switched_off: string[] | null;
  skill: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
}

/**
 * Sends the outbox: each round claims a batch of due messages in one atomic update whose inner select
 * takes the rows `FOR UPDATE SKIP LOCKED`, so two instances (or two ticks) never claim the same row;
 * the claim (`claimed_by`, `claimed_until`) is committed before anything is sent, and only the claimer
 * may mark the row sent. A failed send is retried with back-off ({@link retryDelayMinutes}) and, after
 * {@link MAX_ATTEMPTS}, marked failed for admins to see. A member who switched a kind off has it skipped.
 *
 * Exactly once holds as long as a send either completes or throws within the claim; a crash between a
 * mail server's "accepted" and the `sent_at` update would send that one message again after the claim
 * expires (at-least-once at worst, never lost).
 *
 * `sendDue()` is the whole loop, called by the scheduled tick (jobs/pool-jobs.service.ts); a job
 * queue can call it instead.
 */
@Injectable()
export class MessageSenderService implements OnModuleDestroy {
  private readonly logger = new Logger('messages');
  private readonly instance = randomUUID();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
  ) {}

  onModuleDestroy(): void {
    this.transport.close();
  }

  /**
   * Claims and sends due messages until none are left; returns what happened. A job on the queue (the
   * caller waits for its outcome): any instance may run it; the claims keep two runs from sending one
   * message twice.
   */
  @RunsOnJobQueue('outbox-send', { wait: true })
  async sendDue(): Promise<SendDueResultDto> {
    const result: SendDueResultDto = { claimed: 0, sent: 0, skipped: 0, retrying: 0, failed: 0 };
    const { timeZone } = await this.organisations.current();
    for (;;) {
      const claim = `${this.instance}:${randomUUID()}`;
      const rows = await this.claim(claim);
      if (rows.length === 0) return result;
      result.claimed += rows.length;
      for (const row of rows) {
        const outcome = await this.sendOne(row, claim, timeZone);
        result[outcome]++;
      }
    }
  }

  private async claim(claim: string): Promise<ClaimedRow[]> {
    return queryRows<ClaimedRow>(
      this.dataSource,
      `with claimed as (
         update pool_outbox o set claimed_by = $1, claimed_until = clock_timestamp() + make_interval(mins => $3),
                attempts = o.attempts + 1
          where o.id in (select id from pool_outbox
                          where sent_at is null and failed_at is null and skipped_at is null
                            and next_attempt_at <= clock_timestamp()
                            and (claimed_until is null or claimed_until < clock_timestamp())
                          order by next_attempt_at, created_at, id
                          limit $2
                          for update skip locked)
          returning o.id, o.user_id, o.kind, o.payload, o.attempts, o.created_at
       )
       select c.id, c.user_id, c.kind, c.payload, c.attempts, u.email, u.name, ns.switched_off,
              q.name as skill, s.starts_at, s.ends_at
         from claimed c join app_user u on u.id = c.user_id
         left join pool_notification_setting ns on ns.user_id = c.user_id
         left join pool_shift s on s.id::text = c.payload->>'shiftId'
         left join queue q on q.id = s.queue_id
        order by c.created_at, c.id`,
      [claim, BATCH, CLAIM_MINUTES],
    );
  }

  private async sendOne(
    row: ClaimedRow,
    claim: string,
    timeZone: string,
  ): Promise<'sent' | 'skipped' | 'retrying' | 'failed'> {
    if (row.switched_off?.includes(row.kind)) {
      await this.dataSource.query(
        `update pool_outbox set skipped_at = clock_timestamp(), claimed_until = null where id = $1 and claimed_by = $2`,
        [row.id, claim],
      );
      return 'skipped';
    }
    try {
      const { subject, text } = messageTextOfRow(row, timeZone);
      await this.transport.send({ id: row.id, to: row.email, subject, text });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await this.dataSource.query(
        `update pool_outbox set last_error = $3, claimed_until = null,
                failed_at = case when $4::boolean then clock_timestamp() end,
                next_attempt_at = clock_timestamp() + make_interval(mins => $5)
          where id = $1 and claimed_by = $2`,
        [row.id, claim, message.slice(0, 1000), giveUp, retryDelayMinutes(row.attempts)],
      );
      this.logger.warn(`message ${row.id} (${row.kind}) attempt ${row.attempts} failed: ${message}`);
      return giveUp ? 'failed' : 'retrying';
    }
    await this.dataSource.query(
      `update pool_outbox set sent_at = clock_timestamp(), claimed_until = null, last_error = null
        where id = $1 and claimed_by = $2`,
      [row.id, claim],
    );
    return 'sent';
  }
}
