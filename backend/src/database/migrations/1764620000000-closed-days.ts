import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed days a planner sets: per queue a list of date rules (the event rule form: fixed date, nth weekday,
 * Easter offset, one-off dates), and per event a flag closing its date. The forecast gives them 0 with a
 * 0 band, so they are never staffed.
 */
export class ClosedDays1764620000000 implements MigrationInterface {
  name = 'ClosedDays1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table queue add column closed_days jsonb not null default '[]'::jsonb`);
    await queryRunner.query(`alter table event add column closed boolean not null default false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table event drop column closed`);
    await queryRunner.query(`alter table queue drop column closed_days`);
  }
}
