/* The answer's quality at a reviewed peak, per queue: read from contact_reason_daily at request time (a
 * stored review keeps its staffing figures; quality imported later still shows). */
import type { DataSource } from 'typeorm';

import type { PeakReviewQualityDto } from '@peakplan/contracts';
import { addDays, type EventDefinition } from '@peakplan/forecasting';

import { ORDINARY_WEEKS, reasonReportParts } from '../contact-reasons/reason-report';
import { loadReasonDays } from '../history/reason-day-counts.query';
import { eventOffsetKeys } from './event-offset-keys';
import type { EventWindow } from './event-window';

/** Quality of each queue that measured any, in the window against the ordinary weeks before it. */
export async function peakQuality(
  dataSource: DataSource,
  queues: readonly { queueId: string; queue: string }[],
  events: readonly EventDefinition[],
  window: Pick<EventWindow, 'from' | 'to'>,
): Promise<PeakReviewQualityDto[]> {
  const ordinaryFrom = addDays(window.from, -7 * ORDINARY_WEEKS);
  const ordinaryTo = addDays(window.from, -1);
  const year = Number(window.to.slice(0, 4));
  const keyOf = eventOffsetKeys(events, year - 1, year);
  const result: PeakReviewQualityDto[] = [];
  for (const queue of queues) {
    const days = await loadReasonDays(dataSource, queue.queueId, ordinaryFrom, window.to);
    const { quality } = reasonReportParts(days, {
      from: window.from,
      to: window.to,
      ordinaryFrom,
      ordinaryTo,
      inAnyWindow: (date) => keyOf(date) !== null,
    });
    const measured = [quality.peak, quality.ordinary].some(
      (rates) =>
        rates.repeatRate !== null ||
        rates.transferRate !== null ||
        rates.npsAnswers > 0 ||
        rates.csatResponses > 0,
    );
    if (measured) result.push({ queueId: queue.queueId, queue: queue.queue, ...quality });
  }
  return result;
}
