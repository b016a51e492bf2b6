import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { addDays, type EventDefinition, reasonSharesByDay } from '@peakplan/forecasting';

import type { ScenarioDto, ScenarioQueueInputDto } from '@peakplan/contracts';

import { OrganisationsService } from '../organisations/organisations.service';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { daysNamingReasons, loadReasonDays } from '../history/reason-day-counts.query';
import { eventOffsetKeys } from '../peak-reviews/event-offset-keys';
import { queryRows } from '../database/query-rows';

type ScenarioPeriod = Pick<ScenarioDto, 'id' | 'forecastRunIds' | 'from' | 'to'>;

/**
 * What a scenario is computed on: the forecast intervals of its period per queue, with the queue's
 * settings, reason mix and uploaded core staff. Plain arrays, so that the same inputs serve the server's
 * computation and, as JSON, the dashboard's recompute in the browser (equal numbers on both sides).
 */
/** A forecast run's queue as load reads it (numbers as node-postgres gives them). */
interface ScenarioQueueRow {
  id: string;
  name: string;
  kind: ScenarioQueueInputDto['kind'];
  interval_minutes: number;
  aht_seconds: number;
  service_level_target: number;
  target_seconds: number;
  patience_seconds: number | null;
  concurrency: number;
  training_from: string;
  training_to: string;
}

@Injectable()
export class ScenarioInputsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async load(scenario: ScenarioPeriod): Promise<ScenarioQueueInputDto[]> {
    const { timeZone, id: organisationId } = await this.organisations.current();
    const events = await loadEventDefinitions(this.dataSource, organisationId);
    const inputs: ScenarioQueueInputDto[] = [];
    for (const runId of scenario.forecastRunIds) {
      const [queue] = await queryRows<ScenarioQueueRow>(
        this.dataSource,
        `select q.id, q.name, q.kind, q.interval_minutes, q.aht_seconds, q.service_level_target, q.target_seconds,
                q.patience_seconds, q.concurrency, to_char(r.training_from, 'YYYY-MM-DD') as training_from,
                to_char(r.training_to, 'YYYY-MM-DD') as training_to
           from forecast_run r join queue q on q.id = r.queue_id where r.id = $1`,
        [runId],
      );
      const rows: {
        start: Date;
        local_date: string;
        weekday: number;
        local_minute: number;
        p50: number;
        events: string[];
        closed: boolean;
      }[] = await this.dataSource.query(
        `select i.interval_start as start, to_char(i.interval_start at time zone $2, 'YYYY-MM-DD') as local_date,
                  extract(dow from i.interval_start at time zone $2)::int as weekday,
                  (extract(hour from i.interval_start at time zone $2) * 60 + extract(minute from i.interval_start at time zone $2))::int as local_minute,
                  i.p50, coalesce(d.events, '{}') as events, coalesce(d.closed, false) as closed
             from forecast_run_interval i
             left join forecast_run_day d on d.run_id = i.run_id and d.date = (i.interval_start at time zone $2)::date
            where i.run_id = $1 and i.interval_start >= ($3::date)::timestamp at time zone $2
              and i.interval_start < ($4::date + 1)::timestamp at time zone $2
            order by i.interval_start`,
        [runId, timeZone, scenario.from, scenario.to],
      );
      const uploadedCore = await this.uploadedCore(scenario.id, queue.id, rows);
      const reasonMix = await this.reasonMix(queue.id, queue.training_to, rows, events);
      inputs.push({
        queueId: queue.id,
        name: queue.name,
        kind: queue.kind,
        intervalMinutes: Math.round(
          (rows.length > 1
            ? new Date(rows[1].start).getTime() - new Date(rows[0].start).getTime()
            : queue.interval_minutes * 60000) / 60000,
        ),
        ahtSeconds: Number(queue.aht_seconds),
        serviceLevelTarget: Number(queue.service_level_target),
        targetSeconds: queue.target_seconds,
        patienceSeconds: queue.patience_seconds === null ? null : Number(queue.patience_seconds),
        concurrency: queue.concurrency,
        ...reasonMix,
        starts: rows.map((row) =>
          DateTime.fromJSDate(new Date(row.start)).setZone(timeZone).toISO({ suppressMilliseconds: true })!,
        ),
        localDates: rows.map((row) => row.local_date),
        weekdays: rows.map((row) => row.weekday),
        localMinutes: rows.map((row) => row.local_minute),
        p50: rows.map((row) => Number(row.p50)),
        events: rows.map((row) => row.events),
        closed: rows.map((row) => row.closed),
        ...(uploadedCore ? { uploadedCore } : {}),
      });
    }
    return inputs;
  }

  /** Uploaded core staff left outside the period when the period was changed after the upload. */
  async coreStaffOutsidePeriod(scenario: Pick<ScenarioDto, 'id' | 'from' | 'to'>): Promise<number> {
    const { timeZone } = await this.organisations.current();
    const [{ outside }]: { outside: number }[] = await this.dataSource.query(
      `select count(*)::int as outside from scenario_core_staff
        where scenario_id = $1 and (interval_start < ($2::date)::timestamp at time zone $4
                                    or interval_start >= ($3::date + 1)::timestamp at time zone $4)`,
      [scenario.id, scenario.from, scenario.to, timeZone],
    );
    return outside;
  }

  /** The warnings the server adds to a scenario's result beside the computation's own. */
  async periodWarnings(scenario: Pick<ScenarioDto, 'id' | 'from' | 'to'>): Promise<string[]> {
    const outside = await this.coreStaffOutsidePeriod(scenario);
    return outside > 0
      ? [
          `${outside} uploaded core-staff intervals fall outside the period ${scenario.from} to ${scenario.to}; they are kept but not used`,
        ]
      : [];
  }

  /**
   * What a deflection of one reason takes away: the reason mix of the last year of training, and of
   * each forecast day the mix of the same event offset in past years (ordinary days: of ordinary days).
   */
  private async reasonMix(
    queueId: string,
    trainingTo: string,
    rows: readonly { local_date: string }[],
    events: readonly EventDefinition[],
  ): Promise<Pick<ScenarioQueueInputDto, 'reasonShares' | 'reasonSharesByDate'>> {
    const history = daysNamingReasons(
      await loadReasonDays(this.dataSource, queueId, '1900-01-01', trainingTo),
    );
    if (history.length === 0) return { reasonShares: {} };
    const lastYear = history.filter((day) => day.date > addDays(trainingTo, -365));
    const [reasonShares] = reasonSharesByDay(lastYear, [trainingTo], () => null);
    const days = [...new Set(rows.map((row) => row.local_date))];
    if (days.length === 0) return { reasonShares };
    const keyOf = eventOffsetKeys(
      events,
      Number(history[0].date.slice(0, 4)),
      Number(days.at(-1)!.slice(0, 4)),
    );
    const byDay = reasonSharesByDay(history, days, keyOf);
    return {
      reasonShares,
      reasonSharesByDate: Object.fromEntries(days.map((day, index) => [day, byDay[index]])),
    };
  }

  /**
   * The uploaded core staff of a queue as a column beside its forecast intervals (−1 = not uploaded), or
   * undefined without an upload. Matched here by start rather than joined in SQL: without statistics on
   * the new rows the planner scanned the queue's whole upload once per forecast interval (a nested loop,
   * 4 s instead of 0.5 s for loading six weeks × 3 queues on the embedded database).
   */
  private async uploadedCore(
    scenarioId: string,
    queueId: string,
    intervals: readonly { start: Date }[],
  ): Promise<number[] | undefined> {
    if (intervals.length === 0) return undefined;
    const uploaded: { start_ms: string; agents: number }[] = await this.dataSource.query(
      `select (extract(epoch from interval_start) * 1000)::bigint::text as start_ms, agents
         from scenario_core_staff
        where scenario_id = $1 and queue_id = $2 and interval_start between $3 and $4`,
      [scenarioId, queueId, intervals[0].start, intervals[intervals.length - 1].start],
    );
    if (uploaded.length === 0) return undefined;
    const agentsByStart = new Map(uploaded.map((row) => [Number(row.start_ms), row.agents]));
    return intervals.map((interval) => agentsByStart.get(new Date(interval.start).getTime()) ?? -1);
  }
}
