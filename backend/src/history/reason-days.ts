/* contact_reason_daily: contacts and the answer's quality per queue, local day and contact reason,
 * kept at import time beside contact_history_daily so that the reason analysis reads a few thousand
 * rows by key, not every 15-minute row of a year. It holds the rows that say something beyond the
 * daily totals: a named reason, or any quality count (repeat, transfer, NPS, CSAT); a day without
 * either has no row here. The demo writes its reason days directly (demo-reasons.ts). */
import { localDateSql, localDayStartSql } from '../database/local-time-sql';
import type { SqlRunner } from './daily-history';

// Rows are summed per queue and local day inside the database, each queue in its organisation's zone:
// the local day stays in SQL (local-time-sql.ts), the rows never leave the database.
const DAY_OF = localDateSql('c.interval_start', 'o.time_zone');
const QUALITY = [
  'repeat_contacts',
  'transferred',
  'nps_promoters',
  'nps_passives',
  'nps_detractors',
  'csat_responses',
  'csat_satisfied',
] as const;

async function refreshRange(sql: SqlRunner, touched: string): Promise<void> {
  await sql.query(
    `delete from contact_reason_daily d using (${touched}) t
      where d.queue_id = t.queue_id and d.local_date between t.first_day and t.last_day`,
  );
  // sum() of only nulls is null: a quality column stays "not measured" rather than 0.
  await sql.query(
    `insert into contact_reason_daily (queue_id, local_date, reason, offered, ${QUALITY.join(', ')})
     select c.queue_id, ${DAY_OF}, c.reason, sum(c.offered), ${QUALITY.map((column) => `sum(c.${column})`).join(', ')}
       from (${touched}) t
       join queue q on q.id = t.queue_id
       join organisation o on o.id = q.organisation_id
       join contact_history c on c.queue_id = t.queue_id
        and c.interval_start >= ${localDayStartSql('t.first_day', 'o.time_zone')}
        and c.interval_start < ${localDayStartSql('t.last_day + 1', 'o.time_zone')}
      where c.reason <> '' or coalesce(${QUALITY.map((column) => `c.${column}`).join(', ')}) is not null
      group by 1, 2, 3`,
  );
}

/** After an import: the days (per queue) of the rows in the staging table. */
export function refreshReasonDaysForStaging(sql: SqlRunner, staging: string): Promise<void> {
  return refreshRange(
    sql,
    `select s.queue_id, min(${localDateSql('s.interval_start', 'o.time_zone')}) as first_day,
            max(${localDateSql('s.interval_start', 'o.time_zone')}) as last_day
       from ${staging} s join queue q on q.id = s.queue_id join organisation o on o.id = q.organisation_id
      group by s.queue_id`,
  );
}

/** Every day of every queue (the migration). */
export function refreshAllReasonDays(sql: SqlRunner): Promise<void> {
  return refreshRange(
    sql,
    `select c.queue_id, min(${DAY_OF}) as first_day, max(${DAY_OF}) as last_day
       from contact_history c join queue q on q.id = c.queue_id join organisation o on o.id = q.organisation_id
      group by c.queue_id`,
  );
}
