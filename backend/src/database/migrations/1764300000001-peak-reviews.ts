import { MigrationInterface, QueryRunner } from 'typeorm';

/** Post-peak reviews kept per event, year and queue (filled in by the hindsight work). */
export class PeakReviews1764300000001 implements MigrationInterface {
  name = 'PeakReviews1764300000001';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // nothing yet
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // nothing yet
  }
}
