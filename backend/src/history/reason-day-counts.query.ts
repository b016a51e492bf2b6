/* The reason days of a queue as the reason analysis and the scenarios read them: the stored rows of
 * contact_reason_daily (named reasons, and '' rows that carry quality counts), plus each such day's
 * rest without a reason and without quality, so that a day's rows add up to its total. Days with no
 * stored row are left out: history from before reasons were recorded says nothing about them. */
import type { DataSource, EntityManager } from 'typeorm';

import type { QualityCounts, ReasonDayCount } from '@peakplan/forecasting';
import { queryRows } from '../database/query-rows';

interface ReasonDayRow {
  date: string;
  reason: string;
  offered: string;
  repeat_contacts: string | null;
  transferred: string | null;
  nps_promoters: string | null;
  nps_passives: string | null;
  nps_detractors: string | null;
  csat_responses: string | null;
  csat_satisfied: string | null;
}

/** One reason on one day, with its quality counts (null: not measured). */
export type ReasonDay = ReasonDayCount & Omit<QualityCounts, 'offered'>;

const nullable = (value: string | null) => (value === null ? null : Number(value));

/** Reason days of `queueId` from `from` to `to` (local dates, inclusive). */
export async function loadReasonDays(
  database: DataSource | EntityManager,
  queueId: string,
  from: string,
  to: string,
): Promise<ReasonDay[]> {
  const rows = await queryRows<ReasonDayRow>(
    database,
    `with stored as (
       select local_date, reason, offered, repeat_contacts, transferred, nps_promoters, nps_passives,
              nps_detractors, csat_responses, csat_satisfied
         from contact_reason_daily
        where queue_id = $1 and local_date between $2::date and $3::date),
     stored_days as (select local_date, sum(offered) as offered from stored group by local_date)
     select to_char(local_date, 'YYYY-MM-DD') as date, reason, offered, repeat_contacts, transferred,
            nps_promoters, nps_passives, nps_detractors, csat_responses, csat_satisfied
       from stored
     union all
     select to_char(d.local_date, 'YYYY-MM-DD'), '', d.offered - s.offered, null, null, null, null, null, null, null
       from stored_days s
       join contact_history_daily d on d.queue_id = $1 and d.local_date = s.local_date
      where d.offered > s.offered
     order by 1, 2`,
    [queueId, from, to],
  );
  return rows.map((row) => ({
    date: row.date,
    reason: row.reason,
    offered: Number(row.offered),
    repeatContacts: nullable(row.repeat_contacts),
    transferred: nullable(row.transferred),
    npsPromoters: nullable(row.nps_promoters),
    npsPassives: nullable(row.nps_passives),
    npsDetractors: nullable(row.nps_detractors),
    csatResponses: nullable(row.csat_responses),
    csatSatisfied: nullable(row.csat_satisfied),
  }));
}

/** The days that name at least one reason (only those tell a reason mix). */
export function daysNamingReasons(days: readonly ReasonDay[]): ReasonDay[] {
  const named = new Set(days.filter((day) => day.reason !== '').map((day) => day.date));
  return days.filter((day) => named.has(day.date));
}
