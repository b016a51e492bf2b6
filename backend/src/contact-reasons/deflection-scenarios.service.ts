import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type {
  CreateDeflectionScenarioRequest,
  DeflectionScenarioResult,
  ScenarioAdjustments,
  ScenarioDto,
} from '@peakplan/contracts';
import { computeScenario, daysBetween, type EventDefinition } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { ForecastRunsService } from '../forecast-runs/forecast-runs.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { eventWindow, type EventWindow } from '../peak-reviews/event-window';
import { ScenariosService } from '../scenarios/scenarios.service';
import { deflectionEffect } from './deflection-effect';
import { findReasonEvent, findReasonQueue, type ReasonQueue } from './reason-queue.query';
import { queryOne, queryRows } from '../database/query-rows';

/** The event's next window that has not ended by `today` (this year's or next year's). */
function nextWindow(event: EventDefinition, today: string): EventWindow & { year: number } {
  const year = Number(today.slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const window = eventWindow(event, candidate);
    if (window && window.to >= today) return { ...window, year: candidate };
  }
  throw new BadRequestException({
    message: `event "${event.id}" has no window ending on or after ${today} this year or next`,
    details: [{ field: 'event', reason: 'no coming window' }],
  });
}

/**
 * A scenario that deflects a share of one contact reason over the event's next window, made on the
 * queue's latest forecast that covers it (a forecast is made first when none does), and what it saves.
 */
@Injectable()
export class DeflectionScenariosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
    private readonly forecastRuns: ForecastRunsService,
  ) {}

  async create(
    request: CreateDeflectionScenarioRequest,
    user: SessionUser,
  ): Promise<DeflectionScenarioResult> {
    const organisation = await this.organisations.current();
    const queue = await findReasonQueue(this.dataSource, organisation.id, request.queue);
    const event = await findReasonEvent(this.dataSource, organisation.id, request.event);
    await this.checkReason(queue, request.reason);
    const today = DateTime.now().setZone(organisation.timeZone).toISODate()!;
    const window = nextWindow(event, today);
    const percent = Math.round(request.share * 1000) / 10;
    const name =
      request.name ??
      `Deflect ${percent}% of ${request.reason} at ${event.name} ${window.year} (${queue.name})`;
    const adjustments: ScenarioAdjustments = { deflection: { [request.reason]: request.share } };
    let forecastRunStarted = false;
    let scenario = await this.existing(organisation.id, name, adjustments);
    if (!scenario) {
      let run = await this.coveringRun(queue.id, window, today);
      if (!run) {
        await this.forecast(queue, window, today, user);
        forecastRunStarted = true;
        run = await this.coveringRun(queue.id, window, today);
        if (!run)
          throw new ConflictException({
            message: `the forecast of queue ${queue.name} up to ${window.to} could not be made`,
            details: [{ field: 'queue', reason: 'no forecast reaches the window' }],
          });
      }
      scenario = await this.scenarios.create(
        {
          name,
          forecastRunIds: [run.id],
          from: run.forecast_from > window.from ? run.forecast_from : window.from,
          to: window.to,
          adjustments,
        },
        user,
      );
    }
    const inputs = await this.scenarios.loadInputs(scenario);
    const without = computeScenario(scenario, inputs, { ...scenario.adjustments, deflection: {} });
    const withDeflection = computeScenario(scenario, inputs, scenario.adjustments);
    return {
      scenario,
      forecastRunStarted,
      without: without.totals,
      with: withDeflection.totals,
      ...deflectionEffect(without, withDeflection, inputs, scenario.adjustments),
    };
  }

  private async checkReason(queue: ReasonQueue, reason: string): Promise<void> {
    const [{ found }] = await queryRows<{ found: boolean }>(
      this.dataSource,
      `select exists (select 1 from contact_reason_daily where queue_id = $1 and reason = $2 and offered > 0) as found`,
      [queue.id, reason],
    );
    if (!found)
      throw new BadRequestException({
        message: `reason: queue ${queue.name} has no contacts with the reason "${reason.slice(0, 60)}"`,
        details: [{ field: 'reason', reason: `no contacts with this reason in queue ${queue.name}` }],
      });
  }

  /** A scenario of this name with the same deflection: asking again gives it back, it is not made twice. */
  private async existing(
    organisationId: string,
    name: string,
    adjustments: ScenarioAdjustments,
  ): Promise<ScenarioDto | null> {
    const row = await queryOne<{ id: string }>(
      this.dataSource,
      `select id from scenario where organisation_id = $1 and name = $2`,
      [organisationId, name],
    );
    if (!row) return null;
    const scenario = await this.scenarios.get(row.id);
    if (JSON.stringify(scenario.adjustments) !== JSON.stringify(adjustments))
      throw new ConflictException({
        message: `a scenario named "${name}" exists already with other adjustments`,
        details: [{ field: 'name', reason: 'is taken' }],
      });
    return scenario;
  }

  /** The queue's latest completed run whose forecast reaches from today (or the window's start) to its end. */
  private async coveringRun(
    queueId: string,
    window: EventWindow,
    today: string,
  ): Promise<{ id: string; forecast_from: string } | null> {
    const run = await queryOne<{ id: string; forecast_from: string }>(
      this.dataSource,
      `select id, to_char(forecast_from, 'YYYY-MM-DD') as forecast_from from forecast_run
        where queue_id = $1 and status = 'completed'
          and forecast_from <= greatest($2::date, $3::date) and forecast_from + horizon_days - 1 >= $4::date
        order by created_at desc limit 1`,
      [queueId, window.from, today, window.to],
    );
    return run ?? null;
  }

  /** A forecast of the queue from today to the window's end, trained on all history (waits for it). */
  private async forecast(
    queue: ReasonQueue,
    window: EventWindow,
    today: string,
    user: SessionUser,
  ): Promise<void> {
    const runs = await this.forecastRuns.start(
      { queueId: queue.id, horizonDays: daysBetween(today, window.to) + 1 },
      user.email,
    );
    await this.forecastRuns.waitFor(runs.map((run) => run.id));
  }
}
