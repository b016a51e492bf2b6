import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per scheduled job run, claimed before the work: the key makes a night's run happen once. */
export class JobRuns1764200000004 implements MigrationInterface {
  name = 'JobRuns1764200000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table job_run (
        id uuid primary key default gen_random_uuid(),
        job text not null,
        run_key text not null,
        status text not null check (status in ('running', 'completed', 'failed')),
        triggered_by text,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        result jsonb,
        unique (job, run_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists job_run`);
  }
}
