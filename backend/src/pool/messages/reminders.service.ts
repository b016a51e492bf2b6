import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { addDays, ZoneClock } from '@peakplan/forecasting';

import { epochMsSql, instantRangeSql, localDateTextSql, localDayRange } from '../../database/local-time-sql';
import { queryOne, queryRows } from '../../database/query-rows';
import { OrganisationsService } from '../../organisations/organisations.service';
import { localToday } from '../pool-time';

export interface RemindersQueued {
  shiftTomorrow: number;
  windowOpening: number;
  windowClosing: number;
  trainingExpiring: number;
}

/**
 * Shifts with the members who may sign up for them: active in the pool, approved, with a training
 * record for the shift's queue. Ends in `where`, so callers go on with `and`.
 */
const SHIFTS_WITH_ELIGIBLE = `pool_shift s join pool_member_skill k on k.queue_id = s.queue_id
  join pool_member pm on pm.user_id = k.user_id join app_user u on u.id = pm.user_id
  where pm.active and u.active and u.pool_approval = 'approved' and pm.organisation_id = $1`;

type WindowEdge = 'opening' | 'closing';

/** The two edges of a shift's sign-up window: the outbox kind, the column, the payload's key. */
const WINDOW_EDGES = {
  opening: {
    kind: 'window-opening',
    column: 'sign_up_opens_at',
    payloadKey: 'opensAt',
    onlyOpenToSignUp: false,
  },
  closing: {
    kind: 'window-closing',
    column: 'sign_up_closes_at',
    payloadKey: 'closesAt',
    onlyOpenToSignUp: true,
  },
} as const;

/** A shift with places left, open to sign-up now ($3), not started, and the member not on it yet. */
const OPEN_TO_SIGN_UP = `and s.confirmed_count < s.places and s.sign_up_opens_at <= $3 and s.starts_at > $3
          and not exists (select 1 from pool_sign_up su where su.shift_id = s.id and su.user_id = pm.user_id
                            and su.status in ('confirmed', 'waitlisted', 'requested'))`;

/**
 * The time-based reminders, queued by the daily job: shift tomorrow, sign-up opening or closing within
 * a day, and training that expires before the next peak. Each has a dedupe key (unique in the outbox),
 * so running again, on another instance or the next day, never queues the same reminder twice.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async queueDue(now: Date = new Date()): Promise<RemindersQueued> {
    const organisation = await this.organisations.current();
    const today = localToday(organisation.timeZone, now);
    return this.dataSource.transaction(async (manager) => ({
      shiftTomorrow: await this.shiftTomorrow(manager, organisation.id, organisation.timeZone, today),
      windowOpening: await this.windowReminder(
        manager,
        'opening',
        organisation.id,
        organisation.timeZone,
        now,
      ),
      windowClosing: await this.windowReminder(
        manager,
        'closing',
        organisation.id,
        organisation.timeZone,
        now,
      ),
      trainingExpiring: await this.trainingExpiring(
        manager,
        organisation.id,
        organisation.timeZone,
        today,
        now,
      ),
    }));
  }

  /** Confirmed members of shifts that start tomorrow (local); a moved shift is a new reminder. */
  private async shiftTomorrow(
    manager: EntityManager,
    organisationId: string,
    timeZone: string,
    today: string,
  ): Promise<number> {
    const tomorrow = addDays(today, 1);
    const rows = await queryRows<{ id: string }>(
      manager,
      `insert into pool_outbox (user_id, kind, payload, dedupe_key)
       select su.user_id, 'shift-tomorrow', jsonb_build_object('shiftId', s.id, 'startsAt', s.starts_at),
              'shift-tomorrow:' || su.id || ':' || extract(epoch from s.starts_at)::bigint
         from pool_sign_up su join pool_shift s on s.id = su.shift_id
        where s.organisation_id = $1 and su.status = 'confirmed' and s.cancelled_at is null
          and ${instantRangeSql('s.starts_at', '$2', '$3')}
       on conflict (dedupe_key) do nothing returning id`,
      [organisationId, ...localDayRange(timeZone, tomorrow, tomorrow)],
    );
    return rows.length;
  }

  /**
   * Sign-up opening or closing within a day: one message per member and local day of that edge,
   * counting the shifts. Closing reminds only of shifts with places left, whose sign-up is open and
   * that have not started, to eligible members not yet signed up.
   */
  private async windowReminder(
    manager: EntityManager,
    edge: WindowEdge,
    organisationId: string,
    timeZone: string,
    now: Date,
  ): Promise<number> {
    const { kind, column, payloadKey, onlyOpenToSignUp } = WINDOW_EDGES[edge];
    // Grouped per member and local day inside the database (an insert from a select): the day stays SQL.
    const edgeDay = localDateTextSql(`s.${column}`, '$2');
    const rows = await queryRows<{ id: string }>(
      manager,
      `insert into pool_outbox (user_id, kind, payload, dedupe_key)
       select pm.user_id, '${kind}',
              jsonb_build_object('${payloadKey}', min(s.${column}), 'shifts', count(distinct s.id)),
              '${kind}:' || pm.user_id || ':' || ${edgeDay}
         from ${SHIFTS_WITH_ELIGIBLE}
          and s.organisation_id = $1 and s.cancelled_at is null
          and s.${column} > $3 and s.${column} <= $3::timestamptz + interval '1 day'
          ${onlyOpenToSignUp ? OPEN_TO_SIGN_UP : ''}
        group by pm.user_id, ${edgeDay}
       on conflict (dedupe_key) do nothing returning id`,
      [organisationId, timeZone, now],
    );
    return rows.length;
  }

  /** Training that expires after today but on or before the first day of the next peak's shifts. */
  private async trainingExpiring(
    manager: EntityManager,
    organisationId: string,
    timeZone: string,
    today: string,
    now: Date,
  ): Promise<number> {
    const next = await queryOne<{ peak: string; first_start_ms: number }>(
      manager,
      `select s.peak, ${epochMsSql('min(s.starts_at)')} as first_start_ms
         from pool_shift s where s.organisation_id = $1 and s.peak is not null and s.cancelled_at is null and s.starts_at > $2
        group by s.peak order by min(s.starts_at) limit 1`,
      [organisationId, now],
    );
    if (!next) return 0;
    const firstDay = new ZoneClock(timeZone).local(next.first_start_ms).date;
    const rows = await queryRows<{ id: string }>(
      manager,
      `insert into pool_outbox (user_id, kind, payload, dedupe_key)
       select k.user_id, 'training-expiring',
              jsonb_build_object('skill', q.name, 'expiresOn', to_char(k.training_expires_on, 'YYYY-MM-DD'),
                                 'peak', $3::text, 'peakStartsOn', $4::text),
              'training-expiring:' || k.user_id || ':' || k.queue_id || ':' || to_char(k.training_expires_on, 'YYYY-MM-DD')
         from pool_member_skill k join pool_member pm on pm.user_id = k.user_id join queue q on q.id = k.queue_id
        where pm.organisation_id = $1 and pm.active
          and k.training_expires_on > $2::date and k.training_expires_on <= $4::date
       on conflict (dedupe_key) do nothing returning id`,
      [organisationId, today, next.peak, firstDay],
    );
    return rows.length;
  }
}
