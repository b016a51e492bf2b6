import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per history import (completed or refused) with its report, for the dashboard and audits. */
export class HistoryImport1764200000000 implements MigrationInterface {
  name = 'HistoryImport1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table history_import (
        id uuid primary key,
        status text not null check (status in ('completed', 'refused')),
        file_name text,
        imported_by text,
        started_at timestamptz not null,
        finished_at timestamptz not null,
        report jsonb not null
      )`);
    await queryRunner.query(`create index history_import_started_at on history_import (started_at desc)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists history_import`);
  }
}
