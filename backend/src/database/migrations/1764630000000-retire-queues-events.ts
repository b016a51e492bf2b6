import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queues and events are retired, never deleted: their history, forecasts and peak reviews stay
 * readable. A retired queue is no longer forecast or planned by default; a retired event no longer
 * shapes forecasts. An event may name the region it applies to (ISO 3166 code, e.g. BE-VAN).
 */
export class RetireQueuesEvents1764630000000 implements MigrationInterface {
  name = 'RetireQueuesEvents1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table queue add column retired_at timestamptz`);
    await queryRunner.query(`alter table event add column retired_at timestamptz`);
    await queryRunner.query(`alter table event add column region text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table event drop column region`);
    await queryRunner.query(`alter table event drop column retired_at`);
    await queryRunner.query(`alter table queue drop column retired_at`);
  }
}
