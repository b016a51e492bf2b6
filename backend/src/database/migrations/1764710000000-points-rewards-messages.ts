import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recognition points, rewards and the message sender (issue 14).
 * - `pool_attendance`: a worked shift or a no-show, marked after the shift, with an optional rating.
 * - `pool_point_line`: every point with its reason; a redemption is a negative line and its cancellation
 *   a positive one, so the balance is one sum. `source_key` is unique: marking again, a yearly
 *   continuity run or a retried grant never writes the same points twice.
 * - `pool_points_weights`: the admin's weights, one row per organisation.
 * - `pool_reward` and `pool_redemption`: the catalogue; stock is checked by a constraint as well.
 * - `pool_outbox` gains what a sender needs to claim each message once (a claim that expires),
 *   retries with back-off, failures, and a key that keeps a time-based reminder from being queued twice.
 * - `pool_notification_setting`: the message kinds a member switched off.
 */
export class PointsRewardsMessages1764710000000 implements MigrationInterface {
  name = 'PointsRewardsMessages1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table pool_attendance (
        shift_id uuid not null references pool_shift(id) on delete cascade,
        user_id uuid not null references app_user(id) on delete cascade,
        status text not null check (status in ('worked', 'no-show')),
        rating integer check (rating between 1 and 5),
        marked_by uuid references app_user(id) on delete set null,
        marked_at timestamptz not null default now(),
        primary key (shift_id, user_id),
        check (status = 'worked' or rating is null)
      )`);
    await queryRunner.query(`
      create table pool_point_line (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        user_id uuid not null references app_user(id) on delete cascade,
        kind text not null check (kind in ('shift', 'quality', 'grant', 'continuity', 'redemption', 'refund')),
        points integer not null,
        reason text not null,
        peak text,
        at timestamptz not null default clock_timestamp(),
        shift_id uuid references pool_shift(id) on delete set null,
        basis jsonb,
        source_key text not null unique,
        created_by uuid references app_user(id) on delete set null
      )`);
    await queryRunner.query(`create index pool_point_line_user on pool_point_line (user_id, at)`);
    await queryRunner.query(`create index pool_point_line_peak on pool_point_line (organisation_id, peak)`);
    await queryRunner.query(`
      create table pool_points_weights (
        organisation_id uuid primary key references organisation(id) on delete cascade,
        weights jsonb not null,
        updated_by uuid references app_user(id) on delete set null,
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table pool_reward (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        name text not null,
        description text,
        price integer not null check (price > 0),
        stock integer not null check (stock >= 0),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, name)
      )`);
    await queryRunner.query(`
      create table pool_redemption (
        id uuid primary key default gen_random_uuid(),
        reward_id uuid not null references pool_reward(id) on delete cascade,
        user_id uuid not null references app_user(id) on delete cascade,
        points integer not null check (points > 0),
        status text not null default 'redeemed' check (status in ('redeemed', 'cancelled')),
        created_at timestamptz not null default clock_timestamp(),
        cancelled_at timestamptz,
        cancelled_by uuid references app_user(id) on delete set null,
        cancel_reason text
      )`);
    await queryRunner.query(`create index pool_redemption_user on pool_redemption (user_id, created_at)`);
    await queryRunner.query(`
      alter table pool_outbox
        add column dedupe_key text unique,
        add column attempts integer not null default 0,
        add column next_attempt_at timestamptz not null default clock_timestamp(),
        add column claimed_until timestamptz,
        add column claimed_by text,
        add column last_error text,
        add column failed_at timestamptz,
        add column skipped_at timestamptz`);
    await queryRunner.query(`drop index if exists pool_outbox_unsent`);
    await queryRunner.query(
      `create index pool_outbox_due on pool_outbox (next_attempt_at)
        where sent_at is null and failed_at is null and skipped_at is null`,
    );
    await queryRunner.query(`create index pool_outbox_user on pool_outbox (user_id, created_at)`);
    await queryRunner.query(`
      create table pool_notification_setting (
        user_id uuid primary key references app_user(id) on delete cascade,
        switched_off text[] not null default '{}',
        updated_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists pool_notification_setting`);
    await queryRunner.query(`drop index if exists pool_outbox_user`);
    await queryRunner.query(`drop index if exists pool_outbox_due`);
    await queryRunner.query(`
      alter table pool_outbox
        drop column dedupe_key, drop column attempts, drop column next_attempt_at, drop column claimed_until,
        drop column claimed_by, drop column last_error, drop column failed_at, drop column skipped_at`);
    await queryRunner.query(
      `create index pool_outbox_unsent on pool_outbox (created_at) where sent_at is null`,
    );
    for (const table of [
      'pool_redemption',
      'pool_reward',
      'pool_points_weights',
      'pool_point_line',
      'pool_attendance',
    ])
      await queryRunner.query(`drop table if exists ${table}`);
  }
}
