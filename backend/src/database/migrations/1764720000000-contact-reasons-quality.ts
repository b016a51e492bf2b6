import { MigrationInterface, QueryRunner } from 'typeorm';

import { refreshAllReasonDays } from '../../history/reason-days';

/**
 * The answer's quality per interval (repeat contacts, transfers, NPS or CSAT answers; all optional),
 * the repeat window of a queue, and contact_reason_daily: contacts and quality per queue, local day and
 * contact reason, kept at import time like contact_history_daily.
 */
export class ContactReasonsQuality1764720000000 implements MigrationInterface {
  name = 'ContactReasonsQuality1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table contact_history
        add column repeat_contacts integer check (repeat_contacts >= 0),
        add column transferred integer check (transferred >= 0),
        add column nps_promoters integer check (nps_promoters >= 0),
        add column nps_passives integer check (nps_passives >= 0),
        add column nps_detractors integer check (nps_detractors >= 0),
        add column csat_responses integer check (csat_responses >= 0),
        add column csat_satisfied integer check (csat_satisfied >= 0)`);
    // A repeat contact is one from a customer who contacted within the previous N days.
    await queryRunner.query(
      `alter table queue add column repeat_window_days integer not null default 7
         check (repeat_window_days between 1 and 90)`,
    );
    await queryRunner.query(`
      create table contact_reason_daily (
        queue_id uuid not null references queue(id) on delete cascade,
        local_date date not null,
        reason text not null,
        offered bigint not null,
        repeat_contacts bigint,
        transferred bigint,
        nps_promoters bigint,
        nps_passives bigint,
        nps_detractors bigint,
        csat_responses bigint,
        csat_satisfied bigint,
        primary key (queue_id, local_date, reason)
      )`);
    await refreshAllReasonDays(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table contact_reason_daily`);
    await queryRunner.query(`alter table queue drop column repeat_window_days`);
    await queryRunner.query(`
      alter table contact_history
        drop column repeat_contacts, drop column transferred, drop column nps_promoters,
        drop column nps_passives, drop column nps_detractors, drop column csat_responses,
        drop column csat_satisfied`);
  }
}
