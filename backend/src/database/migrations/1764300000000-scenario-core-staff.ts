import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Core staff uploaded per queue and interval for a scenario. Where a row exists it is the core staff of
 * that interval; elsewhere the scenario's weekly patterns apply. Rows go with their scenario or queue.
 */
export class ScenarioCoreStaff1764300000000 implements MigrationInterface {
  name = 'ScenarioCoreStaff1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table scenario_core_staff (
        scenario_id uuid not null references scenario(id) on delete cascade,
        queue_id uuid not null references queue(id) on delete cascade,
        interval_start timestamptz not null,
        agents integer not null check (agents >= 0),
        primary key (scenario_id, queue_id, interval_start)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists scenario_core_staff`);
  }
}
