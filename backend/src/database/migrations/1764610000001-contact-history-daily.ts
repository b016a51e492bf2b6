import { MigrationInterface, QueryRunner } from 'typeorm';

import { refreshAllDailyHistory } from '../../history/daily-history';

/** Daily totals per queue and local day, kept at import time for cheap daily-history reads. */
export class ContactHistoryDaily1764610000001 implements MigrationInterface {
  name = 'ContactHistoryDaily1764610000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table contact_history_daily (
        queue_id uuid not null references queue(id) on delete cascade,
        local_date date not null,
        offered bigint not null,
        handled bigint not null,
        abandoned bigint not null,
        primary key (queue_id, local_date)
      )`);
    await refreshAllDailyHistory(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table contact_history_daily`);
  }
}
