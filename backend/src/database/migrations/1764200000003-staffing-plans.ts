import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shift plans for the pool gap of a scenario, kept as draft shifts for the pool to publish. */
export class StaffingPlans1764200000003 implements MigrationInterface {
  name = 'StaffingPlans1764200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table staffing_plan (
        id uuid primary key default gen_random_uuid(),
        scenario_id uuid not null references scenario(id) on delete cascade,
        status text not null default 'draft' check (status in ('draft')),
        period_from date not null,
        period_to date not null,
        summary jsonb not null,
        created_by text,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table draft_shift (
        id uuid primary key default gen_random_uuid(),
        staffing_plan_id uuid not null references staffing_plan(id) on delete cascade,
        queue_id uuid not null references queue(id) on delete cascade,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        break_starts_at timestamptz,
        break_ends_at timestamptz,
        places integer not null check (places > 0),
        paid_hours double precision not null,
        check (starts_at < ends_at)
      )`);
    await queryRunner.query(`create index draft_shift_plan on draft_shift (staffing_plan_id, starts_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists draft_shift`);
    await queryRunner.query(`drop table if exists staffing_plan`);
  }
}
