import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type {
  HindsightQueueDto,
  HindsightReport,
  HindsightSettings,
  ScenarioDto,
  ScenarioResult,
} from '@peakplan/contracts';
import {
  addDays,
  DEFAULT_MAX_OCCUPANCY,
  DEFAULT_SHRINKAGE,
  intervalGrid,
  ZoneClock,
} from '@peakplan/forecasting';

import { ForecastRunsService } from '../forecast-runs/forecast-runs.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ScenariosService } from '../scenarios/scenarios.service';
import { combinedTotals, hindsightStaffing, type HindsightQueueResult } from './hindsight-staffing';
import { actualsOnGrid, type ActualRow } from './interval-grid';
import { epochMsSql, instantRangeSql, localDayRange } from '../database/local-time-sql';
import { queryOne, queryRows } from '../database/query-rows';

interface QueueRow {
  id: string;
  name: string;
  kind: 'live' | 'deferred';
  interval_minutes: number;
  aht_seconds: number;
  service_level_target: number;
  target_seconds: number;
  patience_seconds: number | null;
  concurrency: number;
}

interface RunChoice {
  id: string | null;
  intervalMinutes: number | null;
  reason: string;
}

/** The longest period one request may review: a season, not years of intervals. */
const MAX_PERIOD_DAYS = 92;

function daysOf(from: string, to: string): string[] {
  const days = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Forecast against actual in hindsight over a period: reads the actuals, the plan scenario's roster
 * (through ScenariosService, as the planner saw it) and the forecast run used, and hands them to the
 * pure hindsight arithmetic. Reads only, outside any transaction.
 */
@Injectable()
export class HindsightService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
    private readonly forecastRuns: ForecastRunsService,
  ) {}

  async report(
    from: string,
    to: string,
    options: { queueId?: string; intervals?: boolean } = {},
  ): Promise<HindsightReport> {
    if (from > to)
      throw new BadRequestException({
        message: `from (${from}) must not be after to (${to})`,
        details: [{ field: 'from', reason: 'after to' }],
      });
    if (daysOf(from, to).length > MAX_PERIOD_DAYS)
      throw new BadRequestException({
        message: `from..to spans more than ${MAX_PERIOD_DAYS} days`,
        details: [{ field: 'to', reason: `at most ${MAX_PERIOD_DAYS} days after from` }],
      });
    const organisation = await this.organisations.current();
    const queues: QueueRow[] = (
      await queryRows<QueueRow>(
        this.dataSource,
        `select id, name, kind, interval_minutes, aht_seconds, service_level_target, target_seconds,
                patience_seconds, concurrency
           from queue where organisation_id = $1 ${options.queueId ? 'and id = $2' : ''} order by name`,
        options.queueId ? [organisation.id, options.queueId] : [organisation.id],
      )
    ).map((row: QueueRow) => ({
      ...row,
      aht_seconds: Number(row.aht_seconds),
      service_level_target: Number(row.service_level_target),
      patience_seconds: row.patience_seconds === null ? null : Number(row.patience_seconds),
    }));
    if (options.queueId && queues.length === 0)
      throw new NotFoundException({
        message: `queue ${options.queueId} does not exist`,
        details: [{ field: 'queueId', reason: 'no such queue' }],
      });
    const plan = await this.scenarios.plan();
    const planOverlaps = plan !== null && plan.from <= to && plan.to >= from;
    const planResult = planOverlaps ? await this.scenarios.result(plan.id, true) : null;
    const planRuns = planOverlaps
      ? await queryRows<{ id: string; queue_id: string; interval_minutes: number }>(
          this.dataSource,
          `select id, queue_id, interval_minutes from forecast_run where id = any($1::uuid[])`,
          [plan.forecastRunIds],
        )
      : [];
    // The plan's own warnings (an unknown deflection reason, a partial core-staff upload) qualify its roster.
    const warnings: string[] = (planResult?.warnings ?? []).map((warning) => `plan: ${warning}`);
    const results: HindsightQueueResult[] = [];
    const queueReports: HindsightQueueDto[] = [];
    for (const queue of queues) {
      const planRun = planRuns.find((run) => run.queue_id === queue.id) ?? null;
      const run = await this.chooseRun(queue, from, to, plan, planRun);
      const intervalMinutes = planRun?.interval_minutes ?? run.intervalMinutes ?? queue.interval_minutes;
      const settings = this.settingsOf(queue, planRun ? plan : null);
      const { report, result } = await this.queueReport(
        queue,
        from,
        to,
        intervalMinutes,
        settings,
        run,
        planRun && plan && planResult ? { plan, result: planResult } : null,
        organisation.timeZone,
        options.intervals !== false,
        warnings,
      );
      results.push(result);
      queueReports.push(report);
    }
    return {
      from,
      to,
      computedAt: new Date().toISOString(),
      planScenarioId: planOverlaps ? plan.id : null,
      planScenarioName: planOverlaps ? plan.name : null,
      totals: combinedTotals(results),
      queues: queueReports,
      warnings,
    };
  }

  /** The plan's settings where the plan holds the queue, else the queue's and the scenario defaults. */
  private settingsOf(queue: QueueRow, plan: ScenarioDto | null): HindsightSettings {
    const adjustments = plan?.adjustments ?? {};
    return {
      serviceLevel: adjustments.serviceLevel ?? queue.service_level_target,
      targetSeconds:
        queue.kind === 'live' ? (adjustments.targetSeconds ?? queue.target_seconds) : queue.target_seconds,
      shrinkage: adjustments.shrinkage ?? DEFAULT_SHRINKAGE,
      maxOccupancy: adjustments.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY,
      patienceSeconds: queue.patience_seconds,
      concurrency: queue.concurrency,
      queueAhtSeconds: queue.aht_seconds,
    };
  }

  /**
   * The run that was used: the plan's run for the queue when the plan covers the whole period, else
   * the latest completed run whose forecast began on or before the period and covers it. "Made
   * before" is read from the forecast origin, not the creation time: what matters is that the run
   * knew nothing of the period's actuals.
   */
  private async chooseRun(
    queue: QueueRow,
    from: string,
    to: string,
    plan: ScenarioDto | null,
    planRun: { id: string; interval_minutes: number } | null,
  ): Promise<RunChoice> {
    if (plan && planRun && plan.from <= from && plan.to >= to)
      return {
        id: planRun.id,
        intervalMinutes: planRun.interval_minutes,
        reason: `the run of the plan scenario "${plan.name}", which covers the period`,
      };
    const latest = await queryOne<{ id: string; interval_minutes: number; forecast_from: string }>(
      this.dataSource,
      `select id, interval_minutes, to_char(forecast_from, 'YYYY-MM-DD') as forecast_from from forecast_run
          where queue_id = $1 and status = 'completed' and forecast_from <= $2::date
            and forecast_from + horizon_days - 1 >= $3::date
          order by created_at desc limit 1`,
      [queue.id, from, to],
    );
    if (latest)
      return {
        id: latest.id,
        intervalMinutes: latest.interval_minutes,
        reason: `the latest completed run forecasting from ${latest.forecast_from} that covers the period${plan && planRun ? ' (the plan covers only part of it)' : ''}`,
      };
    return {
      id: null,
      intervalMinutes: null,
      reason: 'no completed run forecast this whole period before it began',
    };
  }

  private async queueReport(
    queue: QueueRow,
    from: string,
    to: string,
    intervalMinutes: number,
    settings: HindsightSettings,
    run: RunChoice,
    plan: { plan: ScenarioDto; result: ScenarioResult } | null,
    timeZone: string,
    withIntervals: boolean,
    warnings: string[],
  ): Promise<{ report: HindsightQueueDto; result: HindsightQueueResult }> {
    const clock = new ZoneClock(timeZone);
    const rows = await queryRows<{
      start_ms: number;
      offered: string;
      abandoned: string | null;
      aht_weighted: string;
      aht_weight: string;
    }>(
      this.dataSource,
      `select ${epochMsSql('interval_start')} as start_ms, sum(offered) as offered, sum(abandoned) as abandoned,
              coalesce(sum(aht_seconds * coalesce(handled, offered)) filter (where aht_seconds > 0), 0) as aht_weighted,
              coalesce(sum(coalesce(handled, offered)) filter (where aht_seconds > 0), 0) as aht_weight
         from contact_history
        where queue_id = $1 and interval_minutes < 1440
          and ${instantRangeSql('interval_start', '$2', '$3')}
        group by interval_start order by interval_start`,
      [queue.id, ...localDayRange(clock, from, to)],
    );
    // Only days with interval actuals are reviewed: a day not imported yet is not a day of zero contacts.
    const seen = new Set(rows.map((row) => clock.local(row.start_ms).date));
    const allDays = daysOf(from, to);
    const grid = intervalGrid(
      allDays.filter((day) => seen.has(day)),
      intervalMinutes,
      timeZone,
    );
    const actualRows: ActualRow[] = rows.map((row) => ({
      startMs: row.start_ms,
      offered: Number(row.offered),
      abandoned: row.abandoned === null ? null : Number(row.abandoned),
      ahtWeighted: Number(row.aht_weighted),
      ahtWeight: Number(row.aht_weight),
    }));
    const actuals = actualsOnGrid(grid, actualRows, intervalMinutes);
    const planned = new Map<number, { scheduled: number; forecast: number }>();
    for (const slot of plan?.result.intervals ?? [])
      if (slot.queue === queue.name)
        planned.set(Date.parse(slot.start), { scheduled: slot.core + slot.poolGap, forecast: slot.forecast });
    const band = new Map<number, { p10: number; p50: number; p90: number }>();
    if (run.id)
      for (const slot of await this.forecastRuns.intervals(run.id, from, to))
        band.set(Date.parse(slot.start), { p10: slot.p10, p50: slot.p50, p90: slot.p90 });
    const result = hindsightStaffing({
      kind: queue.kind,
      intervalMinutes,
      settings,
      starts: grid.starts,
      localDates: grid.localDates,
      actual: actuals.offered,
      actualAhtSeconds: actuals.ahtSeconds,
      abandoned: actuals.abandoned,
      scheduled: grid.startMs.map((ms) => planned.get(ms)?.scheduled ?? null),
      planForecast: grid.startMs.map((ms) => planned.get(ms)?.forecast ?? null),
      band: grid.startMs.map((ms) => band.get(ms) ?? null),
    });
    if (plan && planned.size > 0 && result.totals.plannedIntervals === 0 && grid.startMs.length > 0)
      warnings.push(
        `${queue.name}: the plan's intervals do not line up with the ${intervalMinutes}-minute grid`,
      );
    const accuracy = run.id ? await this.forecastRuns.accuracy(run.id, from, to) : null;
    return {
      result,
      report: {
        queueId: queue.id,
        queue: queue.name,
        kind: queue.kind,
        intervalMinutes,
        settings,
        planScenarioId: plan ? plan.plan.id : null,
        forecastRunId: run.id,
        forecastRunReason: run.reason,
        accuracy: accuracy ? { days: accuracy.overall, intervals: accuracy.intervals } : null,
        daysWithoutActuals: allDays.filter((day) => !seen.has(day)),
        totals: result.totals,
        days: result.days,
        ...(withIntervals ? { intervals: result.intervals } : {}),
      },
    };
  }
}
