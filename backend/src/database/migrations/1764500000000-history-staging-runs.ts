import { MigrationInterface, QueryRunner } from 'typeorm';

import { queryRows } from '../query-rows';

/**
 * History imports stage their rows outside the merge transaction, in autocommitted batches, so that
 * the embedded database's one connection is free between batches. Each import stages into a table of
 * its own (history_staging_<id>, unlogged: staged rows need no crash safety) and registers it here,
 * so that the staging of an import whose process died is found and dropped (at the next start, or
 * once it has not been touched for a while).
 */
export class HistoryStagingRuns1764500000000 implements MigrationInterface {
  name = 'HistoryStagingRuns1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table history_staging_run (
        id uuid primary key,
        import_id uuid not null,
        started_at timestamptz not null default now(),
        touched_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const runs = await queryRows<{ id: string }>(queryRunner, `select id from history_staging_run`);
    for (const run of runs)
      await queryRunner.query(`drop table if exists history_staging_${run.id.replace(/-/g, '')}`);
    await queryRunner.query(`drop table if exists history_staging_run`);
  }
}
