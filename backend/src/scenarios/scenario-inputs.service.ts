import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  addDays,
  dayOfWeek,
  type EventDefinition,
  reasonSharesByDay,
  ZoneClock,
} from '@peakplan/forecasting';

import type { ScenarioDto, ScenarioQueueInputDto } from '@peakplan/contracts';

import { OrganisationsService } from '../organisations/organisations.service';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { daysNamingReasons, loadReasonDays } from '../history/reason-day-counts.query';
import { eventOffsetKeys } from '../peak-reviews/event-offset-keys';
import { epochMsSql, instantRangeSql, instantSql, localDayRange } from '../database/local-time-sql';
import { queryOne, queryRows } from '../database/query-rows';

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
      const clock = new ZoneClock(timeZone);
      const intervals = await queryRows<{ start_ms: number; p50: number }>(
        this.dataSource,
        `select ${epochMsSql('interval_start')} as start_ms, p50 from forecast_run_interval
          where run_id = $1 and ${instantRangeSql('interval_start', '$2', '$3')}
          order by interval_start`,
        [runId, ...localDayRange(clock, scenario.from, scenario.to)],
      );
      const days = await queryRows<{ date: string; events: string[]; closed: boolean }>(
        this.dataSource,
        `select to_char(date, 'YYYY-MM-DD') as date, events, closed from forecast_run_day
          where run_id = $1 and date between $2::date and $3::date`,
        [runId, scenario.from, scenario.to],
      );
      const dayByDate = new Map(days.map((day) => [day.date, day]));
      const rows = intervals.map((interval) => {
        const local = clock.local(interval.start_ms);
        const day = dayByDate.get(local.date);
        return {
          ...interval,
          local_date: local.date,
          local_minute: local.minuteOfDay,
          events: day?.events ?? [],
          closed: day?.closed ?? false,
        };
      });
      const uploadedCore = await this.uploadedCore(
        scenario.id,
        queue.id,
        rows.map((row) => row.start_ms),
      );
      const reasonMix = await this.reasonMix(queue.id, queue.training_to, rows, events);
      inputs.push({
        queueId: queue.id,
        name: queue.name,
        kind: queue.kind,
        intervalMinutes: Math.round(
          (rows.length > 1 ? rows[1].start_ms - rows[0].start_ms : queue.interval_minutes * 60000) / 60000,
        ),
        ahtSeconds: Number(queue.aht_seconds),
        serviceLevelTarget: Number(queue.service_level_target),
        targetSeconds: queue.target_seconds,
        patienceSeconds: queue.patience_seconds === null ? null : Number(queue.patience_seconds),
        concurrency: queue.concurrency,
        ...reasonMix,
        starts: rows.map((row) => clock.iso(row.start_ms)),
        localDates: rows.map((row) => row.local_date),
        // 0 = Sunday … 6 = Saturday, as PostgreSQL's extract(dow) gave it
        weekdays: rows.map((row) => dayOfWeek(row.local_date)),
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
    const counted = await queryOne<{ outside: number }>(
      this.dataSource,
      `select count(*)::int as outside from scenario_core_staff
        where scenario_id = $1 and not (${instantRangeSql('interval_start', '$2', '$3')})`,
      [scenario.id, ...localDayRange(timeZone, scenario.from, scenario.to)],
    );
    return counted?.outside ?? 0;
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
    intervalStartMs: readonly number[],
  ): Promise<number[] | undefined> {
    if (intervalStartMs.length === 0) return undefined;
    const uploaded = await queryRows<{ start_ms: number; agents: number }>(
      this.dataSource,
      `select ${epochMsSql('interval_start')} as start_ms, agents
         from scenario_core_staff
        where scenario_id = $1 and queue_id = $2 and interval_start between ${instantSql('$3')} and ${instantSql('$4')}`,
      [scenarioId, queueId, intervalStartMs[0], intervalStartMs[intervalStartMs.length - 1]],
    );
    if (uploaded.length === 0) return undefined;
    const agentsByStart = new Map(uploaded.map((row) => [row.start_ms, row.agents]));
    return intervalStartMs.map((startMs) => agentsByStart.get(startMs) ?? -1);
  }
}
