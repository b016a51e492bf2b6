import { MigrationInterface, QueryRunner } from 'typeorm';

/** What-if scenarios on forecast runs; their change history is the audit trail (entity type scenario). */
export class Scenarios1764200000002 implements MigrationInterface {
  name = 'Scenarios1764200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table scenario (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        name text not null,
        forecast_run_ids uuid[] not null,
        period_from date not null,
        period_to date not null,
        adjustments jsonb not null default '{}',
        is_plan boolean not null default false,
        created_by text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, name),
        check (period_from <= period_to)
      )`);
    // At most one plan per organisation.
    await queryRunner.query(
      `create unique index scenario_one_plan on scenario (organisation_id) where is_plan`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists scenario`);
  }
}
