import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type { HindsightTotals, PeakReviewDto, PeakReviewSummaryDto } from '@peakplan/contracts';
import { addDays, type EventDefinition } from '@peakplan/forecasting';

import { AuditService } from '../audit/audit.service';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { OrganisationsService } from '../organisations/organisations.service';
import { ScenariosService } from '../scenarios/scenarios.service';
import { peakBaselines } from './peak-baselines';
import { peakQuality } from './peak-quality';
import { eventWindow, type EventWindow } from './event-window';
import { HindsightService } from './hindsight.service';
import { instantRangeSql, localDayRange } from '../database/local-time-sql';
import { queryOne, queryRows } from '../database/query-rows';

/** What the accuracy-snapshot job reports for each review it stored. */
export interface StoredPeakReview {
  event: string;
  year: number;
  from: string;
  to: string;
}

/** A review the job could not compute or store (the others are stored all the same). */
export interface FailedPeakReview {
  event: string;
  year: number;
  error: string;
}

/** A window whose last day still has no actuals is stored anyway this many days after it ended. */
const LATE_ACTUALS_DAYS = 7;

function withoutIntervals(review: PeakReviewDto): PeakReviewDto {
  return { ...review, queues: review.queues.map(({ intervals: _intervals, ...queue }) => queue) };
}

/**
 * Post-peak reviews per event and year: computed on request from the hindsight service, or the one
 * the accuracy-snapshot job stored once the window ended (then it no longer moves when late data or a
 * new plan arrives, unless a fresh one is asked for).
 */
@Injectable()
export class PeakReviewsService {
  private readonly logger = new Logger('peak-reviews');

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly scenarios: ScenariosService,
    private readonly hindsight: HindsightService,
    private readonly audit: AuditService,
  ) {}

  /** The stored review of the event's window that year, or one computed now (`fresh` always computes). */
  async review(
    eventKey: string,
    year: number,
    options: { fresh?: boolean; intervals?: boolean } = {},
  ): Promise<PeakReviewDto> {
    const organisation = await this.organisations.current();
    const event = await this.event(organisation.id, eventKey);
    const window = this.windowOf(event, year);
    if (!options.fresh) {
      const stored = await queryOne<{ result: PeakReviewDto }>(
        this.dataSource,
        `select result from peak_review where organisation_id = $1 and event_key = $2 and year = $3`,
        [organisation.id, eventKey, year],
      );
      if (stored) {
        const review: PeakReviewDto = { ...stored.result, source: 'stored' };
        return this.withQuality(
          options.intervals === false ? withoutIntervals(review) : review,
          organisation.id,
        );
      }
    }
    const today = DateTime.now().setZone(organisation.timeZone).toISODate()!;
    return this.withQuality(
      await this.compute(event, year, window, today, options.intervals !== false),
      organisation.id,
    );
  }

  /**
   * Adds the answer's quality at the peak and the "same weekday last year" baseline beside the
   * forecast's accuracy (both read now, never stored with the review).
   */
  private async withQuality(review: PeakReviewDto, organisationId: string): Promise<PeakReviewDto> {
    const events = await loadEventDefinitions(this.dataSource, organisationId);
    const quality = await peakQuality(this.dataSource, review.queues, events, review);
    const baselines = await peakBaselines(this.dataSource, review.queues, review);
    return { ...review, ...(quality.length > 0 ? { quality } : {}), baselines };
  }

  async list(): Promise<PeakReviewSummaryDto[]> {
    const organisation = await this.organisations.current();
    const rows = await queryRows<{
      id: string;
      event_key: string;
      event_name: string | null;
      year: number;
      period_from: string;
      period_to: string;
      computed_at: Date;
      queues: string[];
      totals: HindsightTotals;
    }>(
      this.dataSource,
      `select r.id, r.event_key, coalesce(r.result->>'eventName', e.name) as event_name, r.year,
              to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
              r.computed_at, r.queues, r.result->'totals' as totals
         from peak_review r
         left join event e on e.organisation_id = r.organisation_id and e.key = r.event_key
        where r.organisation_id = $1
        order by r.period_to desc, r.event_key`,
      [organisation.id],
    );
    return rows.map((row) => ({
      id: row.id,
      event: row.event_key,
      eventName: row.event_name ?? row.event_key,
      year: row.year,
      from: row.period_from,
      to: row.period_to,
      computedAt: new Date(row.computed_at).toISOString(),
      queues: row.queues,
      totals: row.totals,
    }));
  }

  /**
   * For the accuracy-snapshot job: stores the review of every event window (this year's and last
   * year's) that ended yesterday or earlier, has none stored yet, was forecast (a plan overlapping it
   * or a completed run covering it) and has actuals — on its last day, or at all once it ended a week
   * ago (actuals arrive a day late; a closed last day must not hold the review back for ever).
   * Idempotent: the unique (organisation, event, year) lets the job run again without a second row.
   * One event's failure is reported and the others are still stored; the failed one is tried again
   * on the next run, since nothing was stored for it.
   */
  async storeDue(today: string): Promise<{ stored: StoredPeakReview[]; failed: FailedPeakReview[] }> {
    const organisation = await this.organisations.current();
    const yesterday = addDays(today, -1);
    const events = await loadEventDefinitions(this.dataSource, organisation.id);
    const storedAlready = await queryRows<{ event_key: string; year: number }>(
      this.dataSource,
      `select event_key, year from peak_review where organisation_id = $1`,
      [organisation.id],
    );
    const plan = await this.scenarios.plan();
    const thisYear = Number(today.slice(0, 4));
    const stored: StoredPeakReview[] = [];
    const failed: FailedPeakReview[] = [];
    for (const event of events)
      for (const year of [thisYear - 1, thisYear]) {
        const window = eventWindow(event, year);
        if (!window || window.to > yesterday) continue;
        if (storedAlready.some((row) => row.event_key === event.id && row.year === year)) continue;
        if (!(await this.isDue(organisation.id, organisation.timeZone, window, today, plan))) continue;
        try {
          const review = await this.compute(event, year, window, today, true);
          if (await this.store(organisation.id, review))
            stored.push({ event: event.id, year, from: window.from, to: window.to });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.logger.error(`peak review ${event.id} ${year} failed: ${message}`);
          failed.push({ event: event.id, year, error: message });
        }
      }
    return { stored, failed };
  }

  private async isDue(
    organisationId: string,
    timeZone: string,
    window: EventWindow,
    today: string,
    plan: { from: string; to: string } | null,
  ): Promise<boolean> {
    const lastDayFrom = window.to < addDays(today, -LATE_ACTUALS_DAYS) ? window.from : window.to;
    const [{ actuals, forecast }] = await queryRows<{ actuals: boolean; forecast: boolean }>(
      this.dataSource,
      `select exists (select 1 from contact_history h join queue q on q.id = h.queue_id
                       where q.organisation_id = $1 and h.interval_minutes < 1440
                         and ${instantRangeSql('h.interval_start', '$4', '$5')}) as actuals,
              exists (select 1 from forecast_run r join queue q on q.id = r.queue_id
                       where q.organisation_id = $1 and r.status = 'completed'
                         and r.forecast_from <= $2::date and r.forecast_from + r.horizon_days - 1 >= $3::date) as forecast`,
      [organisationId, window.from, window.to, ...localDayRange(timeZone, lastDayFrom, window.to)],
    );
    const planned = plan !== null && plan.from <= window.to && plan.to >= window.from;
    return actuals && (forecast || planned);
  }

  private async compute(
    event: EventDefinition,
    year: number,
    window: EventWindow,
    today: string,
    withIntervals: boolean,
  ): Promise<PeakReviewDto> {
    const report = await this.hindsight.report(window.from, window.to, { intervals: withIntervals });
    return {
      ...report,
      event: event.id,
      eventName: event.name,
      year,
      eventDates: window.dates,
      source: 'computed',
      complete: window.to < today,
    };
  }

  /** One short transaction: the review and its audit event, or nothing when another run stored it first. */
  private async store(organisationId: string, review: PeakReviewDto): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await queryRows<{ id: string }>(
        manager,
        `insert into peak_review (organisation_id, event_key, year, queues, period_from, period_to, computed_at, result)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (organisation_id, event_key, year) do nothing returning id`,
        [
          organisationId,
          review.event,
          review.year,
          review.queues.map((queue) => queue.queue),
          review.from,
          review.to,
          review.computedAt,
          JSON.stringify({ ...review, source: 'stored' }),
        ],
      );
      if (inserted.length === 0) return false;
      await this.audit.record(
        {
          actor: null,
          organisationId,
          action: 'peak-review.stored',
          entityType: 'peak-review',
          entityId: inserted[0].id,
          after: {
            event: review.event,
            year: review.year,
            from: review.from,
            to: review.to,
            totals: review.totals,
          },
        },
        manager,
      );
      return true;
    });
  }

  private async event(organisationId: string, key: string): Promise<EventDefinition> {
    const [event] = await loadEventDefinitions(this.dataSource, organisationId, key);
    if (!event)
      throw new NotFoundException({
        message: `event "${key}" does not exist`,
        details: [{ field: 'event', reason: 'no such event in the event calendar' }],
      });
    return event;
  }

  private windowOf(event: EventDefinition, year: number): EventWindow {
    const window = eventWindow(event, year);
    if (!window)
      throw new NotFoundException({
        message: `event "${event.id}" has no date in ${year}`,
        details: [{ field: 'year', reason: `no date of ${event.id} that year` }],
      });
    return window;
  }
}
