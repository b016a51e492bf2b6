import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import is recorded when it starts (status running, no finish yet), so that one killed with the
 * service keeps its record, later marked interrupted, instead of answering 404 after the restart.
 */
export class HistoryImportInterrupted1764610000000 implements MigrationInterface {
  name = 'HistoryImportInterrupted1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table history_import drop constraint history_import_status_check`);
    await queryRunner.query(
      `alter table history_import add constraint history_import_status_check
         check (status in ('running', 'completed', 'refused', 'interrupted'))`,
    );
    await queryRunner.query(`alter table history_import alter column finished_at drop not null`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`delete from history_import where status in ('running', 'interrupted')`);
    await queryRunner.query(`alter table history_import alter column finished_at set not null`);
    await queryRunner.query(`alter table history_import drop constraint history_import_status_check`);
    await queryRunner.query(
      `alter table history_import add constraint history_import_status_check check (status in ('completed', 'refused'))`,
    );
  }
}
