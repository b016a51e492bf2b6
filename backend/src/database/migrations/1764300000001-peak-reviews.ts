import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Post-peak reviews: one per organisation, event and year, stored once by the accuracy-snapshot job
 * after the event window ended. The review holds every queue (`queues` names them for the list), so
 * that the unique key keeps a second run of the job from storing it again.
 */
export class PeakReviews1764300000001 implements MigrationInterface {
  name = 'PeakReviews1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table peak_review (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id) on delete cascade,
        event_key text not null,
        year integer not null check (year between 1900 and 9999),
        queues text[] not null default '{}',
        period_from date not null,
        period_to date not null check (period_to >= period_from),
        computed_at timestamptz not null default now(),
        result jsonb not null,
        unique (organisation_id, event_key, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table if exists peak_review`);
  }
}
