/* The plainest baseline beside a reviewed peak's forecast: each day forecast as the same weekday 52
 * weeks before ("same weekday last year"), scored on the window like the forecast. Read at request time
 * from contact_history_daily, so a stored review needs nothing more. */
import type { DataSource } from 'typeorm';

import type { PeakReviewDto } from '@peakplan/contracts';
import { queryRows } from '../database/query-rows';

/** Daily WAPE and bias of "same weekday last year" per queue over `from..to` (days with actuals both years). */
export async function peakBaselines(
  dataSource: DataSource,
  queues: readonly { queueId: string }[],
  window: { from: string; to: string },
): Promise<NonNullable<PeakReviewDto['baselines']>> {
  if (queues.length === 0) return [];
  const rows = await queryRows<{
    queue_id: string;
    days: number;
    actual: string;
    abs_error: string;
    error: string;
  }>(
    dataSource,
    `select a.queue_id, count(*)::int as days, sum(a.offered) as actual,
              sum(abs(b.offered - a.offered)) as abs_error, sum(b.offered - a.offered) as error
         from contact_history_daily a
         join contact_history_daily b on b.queue_id = a.queue_id and b.local_date = a.local_date - 364
        where a.queue_id = any($1::uuid[]) and a.local_date between $2::date and $3::date
        group by a.queue_id`,
    [queues.map((queue) => queue.queueId), window.from, window.to],
  );
  return queues.map(({ queueId }) => {
    const row = rows.find((candidate) => candidate.queue_id === queueId);
    const actual = Number(row?.actual ?? 0);
    return {
      queueId,
      sameWeekdayLastYear:
        row && actual > 0
          ? { wape: Number(row.abs_error) / actual, bias: Number(row.error) / actual, days: row.days }
          : null,
    };
  });
}
