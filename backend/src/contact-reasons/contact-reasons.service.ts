import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ContactReasonsReport } from '@peakplan/contracts';
import {
  addDays,
  DEFAULT_MAX_OCCUPANCY,
  DEFAULT_SHRINKAGE,
  reasonStaffingHours,
  type ReasonStaffingQueue,
  ZoneClock,
} from '@peakplan/forecasting';

import { epochMsSql, instantRangeSql, localDayRange } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { loadReasonDays } from '../history/reason-day-counts.query';
import { OrganisationsService } from '../organisations/organisations.service';
import { eventOffsetKeys } from '../peak-reviews/event-offset-keys';
import { eventWindow } from '../peak-reviews/event-window';
import { findReasonEvent, findReasonQueue, type ReasonQueue } from './reason-queue.query';
import { CONTEXT_DAYS, ORDINARY_WEEKS, reasonReportParts } from './reason-report';

/** The staffing engine's settings of a queue, with the scenarios' default shrinkage and occupancy. */
export function staffingQueueOf(queue: ReasonQueue): ReasonStaffingQueue {
  return queue.kind === 'live'
    ? {
        kind: 'live',
        intervalMinutes: queue.intervalMinutes,
        ahtSeconds: queue.ahtSeconds,
        targetSeconds: queue.targetSeconds,
        serviceLevel: queue.serviceLevelTarget,
        patienceSeconds: queue.patienceSeconds ?? undefined,
        concurrency: queue.concurrency,
        maxOccupancy: DEFAULT_MAX_OCCUPANCY,
        shrinkage: DEFAULT_SHRINKAGE,
      }
    : {
        kind: 'deferred',
        intervalMinutes: queue.intervalMinutes,
        ahtSeconds: queue.ahtSeconds,
        occupancy: DEFAULT_MAX_OCCUPANCY,
        shrinkage: DEFAULT_SHRINKAGE,
      };
}

/** Contact reasons at the peaks: which reasons drive a peak, what they cost, and the answer's quality. */
@Injectable()
export class ContactReasonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async report(queueName: string, eventKey: string, year: number): Promise<ContactReasonsReport> {
    const organisation = await this.organisations.current();
    const queue = await findReasonQueue(this.dataSource, organisation.id, queueName);
    const event = await findReasonEvent(this.dataSource, organisation.id, eventKey);
    const window = eventWindow(event, year);
    if (!window)
      throw new NotFoundException({
        message: `event "${event.id}" has no date in ${year}`,
        details: [{ field: 'year', reason: `no date of ${event.id} that year` }],
      });
    const ordinaryTo = addDays(window.from, -1);
    const ordinaryFrom = addDays(window.from, -7 * ORDINARY_WEEKS);
    const events = await loadEventDefinitions(this.dataSource, organisation.id);
    const keyOf = eventOffsetKeys(
      events.some((e) => e.id === event.id) ? events : [...events, event],
      year - 1,
      year,
    );
    const reasonDays = await loadReasonDays(
      this.dataSource,
      queue.id,
      ordinaryFrom,
      addDays(window.to, CONTEXT_DAYS),
    );
    const parts = reasonReportParts(reasonDays, {
      from: window.from,
      to: window.to,
      ordinaryFrom,
      ordinaryTo,
      inAnyWindow: (date) => keyOf(date) !== null,
    });
    const poolHours = await this.poolHoursPerReason(
      queue,
      window.from,
      window.to,
      parts.windowShares,
      parts.rows.map((row) => row.reason),
      organisation.timeZone,
    );
    const warnings: string[] = [];
    if (parts.peakDays === 0)
      warnings.push(
        `no contact reasons recorded for queue ${queue.name} in the window of ${event.name} ${year} (${window.from} to ${window.to})`,
      );
    else if (parts.ordinaryDays === 0)
      warnings.push(
        `no contact reasons recorded for queue ${queue.name} in the ordinary weeks before the window`,
      );
    const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
    return {
      queue: queue.name,
      event: event.id,
      eventName: event.name,
      year,
      from: window.from,
      to: window.to,
      ordinaryFrom,
      ordinaryTo,
      peakDays: parts.peakDays,
      ordinaryDays: parts.ordinaryDays,
      reasons: parts.rows
        .map((row) => ({ ...row, poolHours: round(poolHours[row.reason] ?? 0, 2) }))
        .sort((a, b) => b.poolHours - a.poolHours || b.peakContacts - a.peakContacts),
      days: parts.days,
      quality: parts.quality,
      repeatWindowDays: queue.repeatWindowDays,
      warnings,
    };
  }

  /**
   * The staff hours each reason costs in the window: the interval actuals staffed as they came, and
   * again with the reason's share of each day taken out (reasonStaffingHours).
   */
  private async poolHoursPerReason(
    queue: ReasonQueue,
    from: string,
    to: string,
    sharesByDate: ReadonlyMap<string, Record<string, number>>,
    reasons: readonly string[],
    timeZone: string,
  ): Promise<Record<string, number>> {
    if (reasons.length === 0 || sharesByDate.size === 0) return {};
    const clock = new ZoneClock(timeZone);
    const intervals = (
      await queryRows<{ start_ms: number; offered: string }>(
        this.dataSource,
        `select ${epochMsSql('interval_start')} as start_ms, sum(offered) as offered
           from contact_history
          where queue_id = $1 and interval_minutes = $2 and ${instantRangeSql('interval_start', '$3', '$4')}
          group by interval_start order by interval_start`,
        [queue.id, queue.intervalMinutes, ...localDayRange(clock, from, to)],
      )
    ).map((row) => ({ local_date: clock.local(row.start_ms).date, offered: row.offered }));
    const dates = [...sharesByDate.keys()];
    const dayIndex = new Map(dates.map((date, index) => [date, index]));
    const known = intervals.filter((interval) => dayIndex.has(interval.local_date));
    return reasonStaffingHours(
      Float64Array.from(known, (interval) => Number(interval.offered)),
      Int32Array.from(known, (interval) => dayIndex.get(interval.local_date)!),
      dates.map((date) => sharesByDate.get(date)!),
      reasons,
      staffingQueueOf(queue),
    );
  }
}
