import { MigrationInterface, QueryRunner } from 'typeorm';

/** Forecast runs (immutable once finished) with their daily and interval forecasts. */
export class ForecastRuns1764200000001 implements MigrationInterface {
  name = 'ForecastRuns1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table forecast_run (
        id uuid primary key default gen_random_uuid(),
        queue_id uuid not null references queue(id) on delete cascade,
        status text not null check (status in ('running', 'completed', 'failed')),
        training_from date not null,
        training_to date not null,
        forecast_from date not null,
        horizon_days integer not null check (horizon_days between 1 and 730),
        interval_minutes integer not null check (interval_minutes in (15, 30, 60)),
        country text not null,
        lead_days integer not null,
        model text,
        model_reason text,
        parameters jsonb,
        backtest jsonb,
        warnings jsonb not null default '[]',
        error text,
        requested_by text,
        created_at timestamptz not null default now(),
        finished_at timestamptz
      )`);
    await queryRunner.query(`create index forecast_run_queue on forecast_run (queue_id, created_at desc)`);
    await queryRunner.query(`
      create table forecast_run_day (
        run_id uuid not null references forecast_run(id) on delete cascade,
        date date not null,
        p10 double precision not null,
        p50 double precision not null,
        p90 double precision not null,
        closed boolean not null,
        events text[] not null default '{}',
        primary key (run_id, date)
      )`);
    await queryRunner.query(`
      create table forecast_run_interval (
        run_id uuid not null references forecast_run(id) on delete cascade,
        interval_start timestamptz not null,
        p10 double precision not null,
        p50 double precision not null,
        p90 double precision not null,
        primary key (run_id, interval_start)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['forecast_run_interval', 'forecast_run_day', 'forecast_run'])
      await queryRunner.query(`drop table if exists ${table}`);
  }
}
