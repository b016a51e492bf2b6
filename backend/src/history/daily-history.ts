/* contact_history_daily: offered, handled and abandoned per queue and local day (the organisation's
 * time zone), kept at import time so that a year of daily history is 365 rows by key instead of
 * ~35,000 fifteen-minute rows summed per request (200 dashboards at once queued for seconds). Every
 * writer of contact_history refreshes the days it touched, in its own transaction. */
import { localDateSql, localDayStartSql } from '../database/local-time-sql';

/** Anything that runs SQL: a pg PoolClient or a TypeORM EntityManager/DataSource. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

// Rows are summed per queue and local day inside the database, each queue in its organisation's zone:
// the local day stays in SQL (local-time-sql.ts), the rows never leave the database.
const DAY_OF = localDateSql('c.interval_start', 'o.time_zone');

/** Re-sums, from contact_history, the days `touched` selects per queue (queue_id, first_day, last_day). */
async function refreshRange(sql: SqlRunner, touched: string): Promise<void> {
  await sql.query(
    `delete from contact_history_daily d using (${touched}) t
      where d.queue_id = t.queue_id and d.local_date between t.first_day and t.last_day`,
  );
  await sql.query(
    `insert into contact_history_daily (queue_id, local_date, offered, handled, abandoned)
     select c.queue_id, ${DAY_OF}, sum(c.offered), coalesce(sum(c.handled), 0), coalesce(sum(c.abandoned), 0)
       from (${touched}) t
       join queue q on q.id = t.queue_id
       join organisation o on o.id = q.organisation_id
       join contact_history c on c.queue_id = t.queue_id
        and c.interval_start >= ${localDayStartSql('t.first_day', 'o.time_zone')}
        and c.interval_start < ${localDayStartSql('t.last_day + 1', 'o.time_zone')}
      group by 1, 2`,
  );
}

/** After an import: the days (per queue) of the rows in the staging table. */
export function refreshDailyHistoryForStaging(sql: SqlRunner, staging: string): Promise<void> {
  return refreshRange(
    sql,
    `select s.queue_id, min(${localDateSql('s.interval_start', 'o.time_zone')}) as first_day,
            max(${localDateSql('s.interval_start', 'o.time_zone')}) as last_day
       from ${staging} s join queue q on q.id = s.queue_id join organisation o on o.id = q.organisation_id
      group by s.queue_id`,
  );
}

/** Every day of every queue (the demo loader, the migration). */
export function refreshAllDailyHistory(sql: SqlRunner): Promise<void> {
  return refreshRange(
    sql,
    `select c.queue_id, min(${DAY_OF}) as first_day, max(${DAY_OF}) as last_day
       from contact_history c join queue q on q.id = c.queue_id join organisation o on o.id = q.organisation_id
      group by c.queue_id`,
  );
}
