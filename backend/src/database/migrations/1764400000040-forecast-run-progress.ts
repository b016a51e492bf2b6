import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forecast runs report their stage and progress (the dashboard polls them), and the instance running
 * them touches heartbeat_at, so that a run whose process died is found and marked failed.
 */
export class ForecastRunProgress1764400000040 implements MigrationInterface {
  name = 'ForecastRunProgress1764400000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table forecast_run
        add column stage text not null default 'queued'
          check (stage in ('queued', 'loading history', 'fitting', 'backtest', 'spreading intervals', 'storing', 'completed', 'failed')),
        add column progress double precision not null default 0 check (progress between 0 and 1),
        add column heartbeat_at timestamptz not null default now()`);
    await queryRunner.query(
      `update forecast_run set stage = 'completed', progress = 1 where status = 'completed'`,
    );
    await queryRunner.query(`update forecast_run set stage = 'failed' where status = 'failed'`);
    await queryRunner.query(
      `create index forecast_run_running on forecast_run (heartbeat_at) where status = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index if exists forecast_run_running`);
    await queryRunner.query(
      `alter table forecast_run drop column heartbeat_at, drop column progress, drop column stage`,
    );
  }
}
