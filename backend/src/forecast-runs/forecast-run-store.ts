/* Stores a finished run whole, in the caller's transaction. */
import type { EntityManager } from 'typeorm';

import type { ForecastEngineResult } from './forecast-engine';
import { queryAffected } from '../database/query-rows';

const INSERT_BATCH = 5000;

/**
 * Marks a run completed with its model (and the instance that computed it), then writes its days and intervals. Returns false, having
 * written nothing, when the run is no longer running (e.g. another instance marked it failed as
 * abandoned meanwhile): a finished run is never changed.
 */
export async function storeForecastResult(
  manager: EntityManager,
  runId: string,
  result: ForecastEngineResult,
  computedBy: string | null = null,
): Promise<boolean> {
  const updated = await queryAffected(
    manager,
    `update forecast_run set status = 'completed', stage = 'completed', progress = 1, model = $2, model_reason = $3,
            parameters = $4, backtest = $5, warnings = $6, finished_at = now(), heartbeat_at = now(),
            computed_by = coalesce($7, computed_by)
      where id = $1 and status = 'running'`,
    [
      runId,
      result.model,
      result.modelReason,
      JSON.stringify(result.parameters),
      result.backtest ? JSON.stringify(result.backtest) : null,
      JSON.stringify(result.warnings),
      computedBy,
    ],
  );
  if (updated !== 1) return false;
  await manager.query(
    `insert into forecast_run_day (run_id, date, p10, p50, p90, closed, events)
     select $1, d::date, p10, p50, p90, c, coalesce(string_to_array(e, ','), '{}')
       from unnest($2::text[], $3::float8[], $4::float8[], $5::float8[], $6::bool[], $7::text[]) as x(d, p10, p50, p90, c, e)`,
    [
      runId,
      result.days.map((day) => day.date),
      result.days.map((day) => day.p10),
      result.days.map((day) => day.p50),
      result.days.map((day) => day.p90),
      result.days.map((day) => day.closed),
      result.days.map((day) => (day.events.length > 0 ? day.events.join(',') : null)),
    ],
  );
  for (let offset = 0; offset < result.intervals.length; offset += INSERT_BATCH) {
    const slice = result.intervals.slice(offset, offset + INSERT_BATCH);
    await manager.query(
      `insert into forecast_run_interval (run_id, interval_start, p10, p50, p90)
       select $1, s, p10, p50, p90 from unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::float8[]) as x(s, p10, p50, p90)`,
      [
        runId,
        slice.map((slot) => slot.start),
        slice.map((slot) => slot.p10),
        slice.map((slot) => slot.p50),
        slice.map((slot) => slot.p90),
      ],
    );
  }
  return true;
}
