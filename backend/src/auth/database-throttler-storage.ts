import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { queryRows } from '../database/query-rows';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface HitRow {
  hits: number;
  expires_in: number;
  blocked_for: number | null;
}

/** Expired counters are deleted at most this often per instance. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The sign-in rate limit's counters in the database (`rate_limit_hit`), shared by every instance: with
 * counters in each process's memory, two instances behind a load balancer would double an attacker's
 * allowance. One statement counts a hit and decides, so concurrent sign-ins on several instances
 * cannot both slip under the limit.
 *
 * A fixed window per key (from its first hit, `ttl` long): at most `limit` hits are let through in it;
 * the hit after that blocks the key for `blockDuration` (the throttler's default: the window), during
 * which hits are refused and not counted.
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private lastSweepAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    await this.sweepIfDue();
    // $2 window and $4 block in ms. "fresh": the stored window has ended and no block holds.
    const [row] = await queryRows<HitRow>(
      this.dataSource,
      `with hit as (
         insert into rate_limit_hit as r (key, hits, window_ends_at)
         values ($1, 1, now() + $2 * interval '1 millisecond')
         on conflict (key) do update set
           hits = case when r.blocked_until > now() then r.hits
                       when r.window_ends_at <= now() then 1
                       else r.hits + 1 end,
           window_ends_at = case when r.blocked_until > now() or r.window_ends_at > now() then r.window_ends_at
                                 else now() + $2 * interval '1 millisecond' end,
           blocked_until = case when r.blocked_until > now() then r.blocked_until
                                when r.window_ends_at > now() and r.hits + 1 > $3 then now() + $4 * interval '1 millisecond'
                                else null end
         returning hits, window_ends_at, blocked_until)
       select hits, ceil(extract(epoch from window_ends_at - now()))::int as expires_in,
              ceil(extract(epoch from blocked_until - now()))::int as blocked_for
         from hit`,
      [key, ttl, limit, blockDuration],
    );
    const blocked = row.blocked_for !== null && row.blocked_for > 0;
    return {
      totalHits: blocked ? Math.max(row.hits, limit + 1) : row.hits,
      timeToExpire: Math.max(row.expires_in, 0),
      isBlocked: blocked,
      timeToBlockExpire: blocked ? row.blocked_for! : 0,
    };
  }

  private async sweepIfDue(): Promise<void> {
    if (Date.now() - this.lastSweepAt < SWEEP_EVERY_MS) return;
    this.lastSweepAt = Date.now();
    await this.dataSource.query(
      `delete from rate_limit_hit where window_ends_at < now() and (blocked_until is null or blocked_until < now())`,
    );
  }
}
