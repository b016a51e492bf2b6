import { MigrationInterface, QueryRunner } from 'typeorm';

/** Core staff uploaded per queue and interval for a scenario (filled in by the core-staff upload work). */
export class ScenarioCoreStaff1764300000000 implements MigrationInterface {
  name = 'ScenarioCoreStaff1764300000000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // nothing yet
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // nothing yet
  }
}
