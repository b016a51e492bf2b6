import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flexible pool: memberships (skills with training, availability, hours caps), department caps,
 * published peak shifts, sign-ups with a waitlist, and an outbox of messages to members.
 * Capacity is the database's job: `confirmed_count` is checked against `places` by a constraint and
 * only changed under the shift row's lock; a unique (shift, member) pair forbids a second sign-up.
 */
export class FlexiblePool1764600000000 implements MigrationInterface {
  name = 'FlexiblePool1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table pool_member (
        user_id uuid primary key references app_user(id) on delete cascade,
        organisation_id uuid not null references organisation(id) on delete cascade,
        active boolean not null default true,
        joined_at timestamptz not null default now(),
        left_at timestamptz,
        weekly_availability jsonb not null default '[]',
        max_hours_per_week double precision check (max_hours_per_week > 0),
        max_hours_per_peak double precision check (max_hours_per_peak > 0),
        calendar_feed_version integer not null default 1,
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table pool_member_skill (
        user_id uuid not null references pool_member(user_id) on delete cascade,
        queue_id uuid not null references queue(id) on delete cascade,
        trained_on date,
        training_expires_on date,
        primary key (user_id, queue_id)
      )`);
    await queryRunner.query(`
      create table pool_member_date_off (
        user_id uuid not null references pool_member(user_id) on delete cascade,
        day date not null,
        primary key (user_id, day)
      )`);
    await queryRunner.query(`
      create table department_pool_cap (
        department_id uuid primary key references department(id) on delete cascade,
        max_people integer check (max_people >= 0),
        max_share double precision check (max_share >= 0 and max_share <= 1),
        updated_by uuid references app_user(id) on delete set null,
        updated_at timestamptz not null default now(),
        check (max_people is null or max_share is null)
      )`);
    await queryRunner.query(`
      create table pool_shift (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        staffing_plan_id uuid references staffing_plan(id) on delete set null,
        draft_shift_id uuid unique references draft_shift(id) on delete set null,
        queue_id uuid not null references queue(id) on delete cascade,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        break_minutes integer not null default 0 check (break_minutes >= 0),
        places integer not null check (places > 0),
        confirmed_count integer not null default 0,
        remote boolean not null default true,
        location text,
        sign_up_opens_at timestamptz not null,
        sign_up_closes_at timestamptz not null,
        withdrawal_cutoff_at timestamptz not null,
        allocation text not null check (allocation in ('first-come', 'preference')),
        peak text,
        cancelled_at timestamptz,
        sequence integer not null default 0,
        created_by uuid references app_user(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (starts_at < ends_at),
        check (sign_up_opens_at < sign_up_closes_at),
        check (confirmed_count >= 0 and confirmed_count <= places)
      )`);
    await queryRunner.query(`create index pool_shift_starts on pool_shift (organisation_id, starts_at)`);
    await queryRunner.query(`
      create table pool_sign_up (
        id uuid primary key default gen_random_uuid(),
        shift_id uuid not null references pool_shift(id) on delete cascade,
        user_id uuid not null references app_user(id) on delete cascade,
        status text not null check (status in ('confirmed', 'waitlisted', 'requested', 'withdrawn', 'cancelled')),
        queued_at timestamptz not null default clock_timestamp(),
        created_at timestamptz not null default clock_timestamp(),
        updated_at timestamptz not null default clock_timestamp(),
        sequence integer not null default 0,
        unique (shift_id, user_id)
      )`);
    await queryRunner.query(`create index pool_sign_up_user on pool_sign_up (user_id, status)`);
    await queryRunner.query(`create index pool_sign_up_queue on pool_sign_up (shift_id, status, queued_at)`);
    await queryRunner.query(`
      create table pool_outbox (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id) on delete cascade,
        kind text not null,
        payload jsonb not null,
        created_at timestamptz not null default clock_timestamp(),
        sent_at timestamptz
      )`);
    await queryRunner.query(
      `create index pool_outbox_unsent on pool_outbox (created_at) where sent_at is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'pool_outbox',
      'pool_sign_up',
      'pool_shift',
      'department_pool_cap',
      'pool_member_date_off',
      'pool_member_skill',
      'pool_member',
    ])
      await queryRunner.query(`drop table if exists ${table}`);
  }
}
