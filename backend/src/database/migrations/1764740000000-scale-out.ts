import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several instances on one database: a forecast run records which instance computed it (the queue
 * gives it to any), and the sign-in rate limit counts in a table all instances share, not in each
 * process's memory.
 */
export class ScaleOut1764740000000 implements MigrationInterface {
  name = 'ScaleOut1764740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table forecast_run add column computed_by text`);
    await queryRunner.query(`
      create table rate_limit_hit (
        key text primary key,
        hits integer not null check (hits >= 0),
        window_ends_at timestamptz not null,
        blocked_until timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists rate_limit_hit`);
    await queryRunner.query(`alter table forecast_run drop column if exists computed_by`);
  }
}
