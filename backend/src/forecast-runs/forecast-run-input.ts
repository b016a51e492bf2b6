/* What a stored run asks the engine: its settings and the queue's history, read from the database.
 * Separate from the service so that a test can give the engine the very same input. */
import type { DataSource, EntityManager } from 'typeorm';

import { addDays, eventPresets, ZoneClock, type EventRule } from '@peakplan/forecasting';

import type { ForecastEngineInput } from './forecast-engine';
import type { ForecastEngineJob } from './forecast-engine-messages';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { unpackIntervals, type PackedIntervals } from './packed-intervals';
import { instantRangeSql, localDayRange } from '../database/local-time-sql';
import { loadDailyTotals, loadEventEffectSource } from './event-effect-source.query';
import { queryRows } from '../database/query-rows';

/** Interval history used for the intraday shapes: recent weeks and the event days of the last two years. */
const PROFILE_HISTORY_DAYS = 3 * 366;

/** A stored run's settings, as the query below selects them (dates as YYYY-MM-DD). */
interface RunRow {
  queue_id: string;
  training_from: string;
  training_to: string;
  forecast_from: string;
  horizon_days: number;
  interval_minutes: number;
  country: string;
  lead_days: number;
}

export interface RunOrganisation {
  id: string;
  timeZone: string;
}

export async function loadForecastJob(
  database: DataSource | EntityManager,
  runId: string,
  organisation: RunOrganisation,
): Promise<ForecastEngineJob> {
  const { timeZone } = organisation;
  const [run] = await queryRows<RunRow>(
    database,
    `select r.queue_id, to_char(r.training_from, 'YYYY-MM-DD') as training_from, to_char(r.training_to, 'YYYY-MM-DD') as training_to,
            to_char(r.forecast_from, 'YYYY-MM-DD') as forecast_from, r.horizon_days, r.interval_minutes, r.country, r.lead_days
       from forecast_run r where r.id = $1`,
    [runId],
  );
  if (!run) throw new Error(`forecast run ${runId} does not exist`);
  const [queue] = await queryRows<{ closed_days: EventRule[] }>(
    database,
    `select closed_days from queue where id = $1`,
    [run.queue_id],
  );
  const clock = new ZoneClock(timeZone);
  const daily = await loadDailyTotals(database, run.queue_id, clock, run.training_from, run.training_to);
  const eventEffectSource = await loadEventEffectSource(
    database,
    organisation.id,
    run.queue_id,
    clock,
    run.training_to,
  );
  const profileFrom = [run.training_from, addDays(run.training_to, -PROFILE_HISTORY_DAYS)].sort()[1];
  // Packed by PostgreSQL (see packed-intervals.ts): one row of two text columns, not ~100,000 rows;
  // the worker derives local dates and minutes from the instants with the organisation's clock.
  const [intervals] = await queryRows<PackedIntervals>(
    database,
    `select coalesce(string_agg((extract(epoch from interval_start) * 1000)::bigint::text, E'\\n' order by interval_start), '') as "startMs",
            coalesce(string_agg(offered::text, E'\\n' order by interval_start), '') as "offered"
       from (select interval_start, sum(offered) as offered
               from contact_history
              where queue_id = $1 and interval_minutes < 1440
                and ${instantRangeSql('interval_start', '$2', '$3')}
              group by interval_start) slots`,
    [run.queue_id, ...localDayRange(clock, profileFrom, run.training_to)],
  );
  const events = await loadEventDefinitions(database, organisation.id);
  return {
    settings: {
      daily,
      eventEffectSource,
      events: events.length > 0 ? events : eventPresets(run.country),
      closedDays: queue?.closed_days ?? [],
      country: run.country,
      leadDays: run.lead_days,
      forecastFrom: run.forecast_from,
      horizonDays: run.horizon_days,
      intervalMinutes: run.interval_minutes,
      timeZone,
    },
    intervals,
  };
}

/** The same, unpacked: what runForecastEngine takes on this thread. */
export async function loadForecastInput(
  database: DataSource | EntityManager,
  runId: string,
  organisation: RunOrganisation,
): Promise<ForecastEngineInput> {
  const job = await loadForecastJob(database, runId, organisation);
  return { ...job.settings, intervals: unpackIntervals(job.intervals, job.settings.timeZone) };
}
