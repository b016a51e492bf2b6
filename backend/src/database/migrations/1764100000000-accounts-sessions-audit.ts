import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions (only a hash of each token is stored), the audit trail, and pool approval by a member's manager. */
export class AccountsSessionsAudit1764100000000 implements MigrationInterface {
  name = 'AccountsSessionsAudit1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table user_session (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id) on delete cascade,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text
      )`);
    await queryRunner.query(`create index user_session_user_idx on user_session (user_id)`);
    await queryRunner.query(`
      create table audit_event (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid references organisation(id) on delete cascade,
        actor_id uuid references app_user(id) on delete set null,
        actor_email text,
        action text not null,
        entity_type text not null,
        entity_id text,
        before jsonb,
        after jsonb,
        at timestamptz not null default clock_timestamp()
      )`);
    await queryRunner.query(`create index audit_event_at_idx on audit_event (at desc)`);
    await queryRunner.query(`create index audit_event_entity_idx on audit_event (entity_type, entity_id)`);
    // A pool member's own manager approves (or refuses) them for peak shifts.
    await queryRunner.query(`
      alter table app_user
        add column pool_approval text not null default 'pending'
          check (pool_approval in ('pending', 'approved', 'refused')),
        add column pool_approval_by uuid references app_user(id) on delete set null,
        add column pool_approval_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `alter table app_user drop column pool_approval_at, drop column pool_approval_by, drop column pool_approval`,
    );
    await queryRunner.query(`drop table if exists audit_event`);
    await queryRunner.query(`drop table if exists user_session`);
  }
}
