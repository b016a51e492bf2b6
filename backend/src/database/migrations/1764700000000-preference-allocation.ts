import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roster by preference. A member's mark on a preference shift is their `requested` sign-up, now with
 * how much they want it (`want` or `can`) and an optional rank among their wants; earlier requests
 * were wants. An allocation run keeps its input (shifts, pins), its roster, the objective's parts and
 * the explanations, and when it was published.
 */
export class PreferenceAllocation1764700000000 implements MigrationInterface {
  name = 'PreferenceAllocation1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table pool_sign_up
        add column preference text check (preference in ('want', 'can')),
        add column preference_rank integer check (preference_rank between 1 and 999)`);
    await queryRunner.query(`update pool_sign_up set preference = 'want' where status = 'requested'`);
    await queryRunner.query(`
      create table pool_allocation (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        status text not null check (status in ('running', 'done', 'failed')),
        shift_ids uuid[] not null,
        pins jsonb not null default '[]',
        previous_id uuid references pool_allocation(id) on delete set null,
        trigger text not null check (trigger in ('planner', 'window-close')),
        assignments jsonb,
        objective jsonb,
        stages jsonb,
        explanations jsonb,
        error text,
        created_by uuid references app_user(id) on delete set null,
        created_at timestamptz not null default clock_timestamp(),
        finished_at timestamptz,
        published_at timestamptz,
        published_by uuid references app_user(id) on delete set null
      )`);
    await queryRunner.query(
      `create index pool_allocation_created on pool_allocation (organisation_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists pool_allocation`);
    await queryRunner.query(`alter table pool_sign_up drop column preference_rank, drop column preference`);
  }
}
