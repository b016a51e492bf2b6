import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, queues, contact history, events, departments and user accounts. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table organisation (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        time_zone text not null default 'Europe/Amsterdam',
        country text not null default 'NL',
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table queue (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        name text not null,
        kind text not null check (kind in ('live', 'deferred')),
        service_level_target double precision not null check (service_level_target > 0 and service_level_target < 1),
        target_seconds integer not null check (target_seconds > 0),
        aht_seconds double precision not null check (aht_seconds > 0),
        patience_seconds double precision check (patience_seconds > 0),
        concurrency integer not null default 1 check (concurrency between 1 and 10),
        interval_minutes integer not null default 15 check (interval_minutes in (15, 30, 60)),
        created_at timestamptz not null default now(),
        unique (organisation_id, name)
      )`);
    // One row per queue, interval and contact reason ('' when the source gives none). Daily data has
    // interval_minutes = 1440 and starts at local midnight. The primary key makes re-imports idempotent.
    await queryRunner.query(`
      create table contact_history (
        queue_id uuid not null references queue(id) on delete cascade,
        interval_start timestamptz not null,
        interval_minutes integer not null check (interval_minutes in (15, 30, 60, 1440)),
        reason text not null default '',
        offered integer not null check (offered >= 0),
        handled integer check (handled >= 0),
        abandoned integer check (abandoned >= 0),
        aht_seconds double precision check (aht_seconds >= 0),
        primary key (queue_id, interval_start, reason)
      )`);
    await queryRunner.query(`
      create table event (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        key text not null,
        name text not null,
        rule jsonb not null,
        window_before integer not null check (window_before between 0 and 60),
        window_after integer not null check (window_after between 0 and 60),
        created_at timestamptz not null default now(),
        unique (organisation_id, key)
      )`);
    await queryRunner.query(`
      create table department (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        name text not null,
        unique (organisation_id, name)
      )`);
    await queryRunner.query(`
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        email text not null,
        name text not null,
        password_hash text,
        roles text[] not null default '{}',
        department_id uuid references department(id) on delete set null,
        active boolean not null default true,
        failed_login_count integer not null default 0,
        locked_until timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create unique index app_user_email_key on app_user (lower(email))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'department', 'event', 'contact_history', 'queue', 'organisation']) {
      await queryRunner.query(`drop table if exists ${table}`);
    }
  }
}
