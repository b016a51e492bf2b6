import { createHmac, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type { SignUpStatus } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { SESSION_SECRET } from '../auth/session-secret';
import { OrganisationsService } from '../organisations/organisations.service';
import { queryOne, queryRows } from '../database/query-rows';

interface FeedRow {
  sign_up_id: string;
  status: SignUpStatus;
  sign_up_sequence: number;
  shift_sequence: number;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  skill: string;
  remote: boolean;
  location: string | null;
  break_minutes: number;
}

/**
 * A member's personal iCalendar feed. Its URL carries the member id and a key derived (HMAC) from the
 * service's secret and the member's feed version: nothing secret is stored, and renewing (version + 1)
 * kills the old URL. Built with ical-generator, times in the organisation's zone with its VTIMEZONE,
 * so a 09:00 shift stays 09:00 across a clock change. UIDs are the sign-up ids; SEQUENCE rises with
 * every change of the shift or the sign-up; withdrawn and cancelled ones stay as STATUS:CANCELLED.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    @Inject(SESSION_SECRET) private readonly secret: string,
  ) {}

  async feedPath(member: SessionUser): Promise<string> {
    const version = await this.version(member.id);
    return `/api/pool/calendar-feeds/${member.id}/${this.key(member.id, version)}.ics`;
  }

  async renew(member: SessionUser): Promise<string> {
    await this.version(member.id);
    await this.dataSource.query(
      `update pool_member set calendar_feed_version = calendar_feed_version + 1 where user_id = $1`,
      [member.id],
    );
    return this.feedPath(member);
  }

  /** The feed for a URL's member id and key; any wrong or old key is "not found". */
  async feedFor(memberId: string, key: string): Promise<string> {
    const row = await queryOne<{ calendar_feed_version: number }>(
      this.dataSource,
      `select pm.calendar_feed_version from pool_member pm join app_user u on u.id = pm.user_id
        where pm.user_id = $1 and u.active`,
      [memberId],
    );
    const expected = row ? Buffer.from(this.key(memberId, row.calendar_feed_version)) : Buffer.alloc(0);
    const given = Buffer.from(key.replace(/\.ics$/, ''));
    if (!row || expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new NotFoundException('no such calendar feed');
    return this.calendar(memberId);
  }

  /** The member's calendar: shifts from 60 days back onwards. */
  async calendar(memberId: string): Promise<string> {
    const { timeZone, name } = await this.organisations.current();
    const rows = await queryRows<FeedRow>(
      this.dataSource,
      `select su.id as sign_up_id, su.status, su.sequence as sign_up_sequence, s.sequence as shift_sequence,
              s.starts_at, s.ends_at, s.cancelled_at, q.name as skill, s.remote, s.location, s.break_minutes
         from pool_sign_up su join pool_shift s on s.id = su.shift_id join queue q on q.id = s.queue_id
        where su.user_id = $1 and s.ends_at > now() - interval '60 days'
        order by s.starts_at, su.id`,
      [memberId],
    );
    const calendar = new ICalCalendar({
      name: `${name}: my pool shifts`,
      prodId: { company: 'PeakPlan', product: 'pool' },
    });
    calendar.timezone({ name: timeZone, generator: getVtimezoneComponent });
    for (const row of rows) {
      const cancelled = row.cancelled_at !== null || row.status === 'withdrawn' || row.status === 'cancelled';
      calendar.createEvent({
        id: `${row.sign_up_id}@peakplan`,
        sequence: row.shift_sequence + row.sign_up_sequence,
        start: DateTime.fromJSDate(row.starts_at, { zone: timeZone }),
        end: DateTime.fromJSDate(row.ends_at, { zone: timeZone }),
        timezone: timeZone,
        summary: `${row.skill} shift${row.status === 'waitlisted' ? ' (waitlist)' : row.status === 'requested' ? ' (requested)' : ''}`,
        description: row.break_minutes > 0 ? `Break: ${row.break_minutes} minutes` : undefined,
        location: row.remote ? 'Remote' : (row.location ?? undefined),
        status: cancelled
          ? ICalEventStatus.CANCELLED
          : row.status === 'confirmed'
            ? ICalEventStatus.CONFIRMED
            : ICalEventStatus.TENTATIVE,
      });
    }
    return calendar.toString();
  }

  private key(memberId: string, version: number): string {
    return createHmac('sha256', this.secret)
      .update(`pool-calendar:${memberId}:${version}`)
      .digest('base64url');
  }

  private async version(memberId: string): Promise<number> {
    const row = await queryOne<{ calendar_feed_version: number }>(
      this.dataSource,
      `select calendar_feed_version from pool_member where user_id = $1`,
      [memberId],
    );
    if (!row)
      throw new NotFoundException('join the pool first: the calendar feed belongs to a pool membership');
    return row.calendar_feed_version;
  }
}
