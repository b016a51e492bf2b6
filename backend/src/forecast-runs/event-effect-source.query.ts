/* Which queue lends its event effects to a queue with a short history, and its daily totals. */
import type { DataSource, EntityManager } from 'typeorm';

import { ZoneClock, type DailyObservation, type EventEffectSource } from '@peakplan/forecasting';

import { epochMsSql, instantRangeSql, localDateTextSql, localDayRange } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';

/** Offered contacts per local day of one queue, `from..to` (local dates, inclusive). */
export async function loadDailyTotals(
  database: DataSource | EntityManager,
  queueId: string,
  clock: ZoneClock,
  from: string,
  to: string,
): Promise<DailyObservation[]> {
  // Summed to one row per local day inside the database: the day stays an SQL expression.
  const rows = await queryRows<{ date: string; offered: string }>(
    database,
    `select ${localDateTextSql('interval_start', '$2')} as date, sum(offered) as offered
       from contact_history
      where queue_id = $1 and ${instantRangeSql('interval_start', '$3', '$4')}
      group by 1 order by 1`,
    [queueId, clock.timeZone, ...localDayRange(clock, from, to)],
  );
  return rows.map((row) => ({ date: row.date, offered: Number(row.offered) }));
}

/**
 * The organisation's other queue whose history starts earliest, before this queue's, with its daily
 * totals up to `trainingTo`: the engine borrows its effects for the events this queue's history never
 * saw and the source's did before the run's origin (a new channel beside an old one; the peaks hit
 * every channel). Undefined when no queue's history starts earlier. Ties go to the queue named first.
 */
export async function loadEventEffectSource(
  database: DataSource | EntityManager,
  organisationId: string,
  queueId: string,
  clock: ZoneClock,
  trainingTo: string,
): Promise<EventEffectSource | undefined> {
  const queues = await queryRows<{ id: string; name: string; first_ms: number | null }>(
    database,
    `select q.id, q.name,
            (select ${epochMsSql('min(h.interval_start)')} from contact_history h where h.queue_id = q.id) as first_ms
       from queue q
      where q.organisation_id = $1
      order by q.name`,
    [organisationId],
  );
  const own = queues.find((queue) => queue.id === queueId)?.first_ms;
  if (own === null || own === undefined) return undefined;
  const dayOf = (ms: number) => clock.local(ms).date;
  // By local first day, so a 24-hour queue does not win by its midnight start; ties by name.
  const [earliest] = queues
    .filter((queue) => queue.id !== queueId && queue.first_ms !== null)
    .map((queue) => ({ ...queue, first: dayOf(queue.first_ms as number) }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  if (!earliest || earliest.first >= dayOf(own)) return undefined;
  const history = await loadDailyTotals(database, earliest.id, clock, earliest.first, trainingTo);
  return { label: earliest.name, history };
}
