import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';

import { placeValues, type RosterInterval } from '@peakplan/forecasting';

import type { ScenariosService } from '../../scenarios/scenarios.service';
import type { PoolShiftRow } from '../pool-shift.row';
import { inZone } from '../pool-time';
import { queryOne, queryRows } from '../../database/query-rows';

/**
 * The plan intervals the shifts cover, each with what its 1st, 2nd, … pool person is worth: the
 * service level they buy (the plan scenario's Erlang C or A per added agent, see `placeValues`), or for
 * a deferred queue an equal share of the interval's gap. Shifts not published from a plan cover none.
 */
export async function coverIntervals(
  dataSource: DataSource,
  scenarios: ScenariosService,
  shifts: readonly PoolShiftRow[],
): Promise<{ intervals: RosterInterval[]; covered: number[][] }> {
  const intervals: RosterInterval[] = [];
  const covered = shifts.map(() => [] as number[]);
  const planIds = [
    ...new Set(shifts.map((shift) => shift.staffing_plan_id).filter((id) => id !== null)),
  ].sort();
  for (const planId of planIds) {
    const plan = await queryOne<{ scenario_id: string }>(
      dataSource,
      `select scenario_id from staffing_plan where id = $1`,
      [planId],
    );
    if (!plan) continue;
    const result = await scenarios.result(plan.scenario_id, true, true);
    const planShifts = shifts
      .map((shift, s) => ({ shift, s }))
      .filter(({ shift }) => shift.staffing_plan_id === planId);
    for (const slot of result.intervals ?? []) {
      if (slot.poolGap <= 0) continue;
      const at = DateTime.fromISO(slot.start, { setZone: true }).toMillis();
      const covering = planShifts.filter(
        ({ shift }) =>
          shift.skill === slot.queue && shift.starts_at.getTime() <= at && at < shift.ends_at.getTime(),
      );
      if (covering.length === 0) continue;
      const levels =
        slot.serviceLevelSteps ?? Array.from({ length: slot.poolGap + 1 }, (_, k) => k / slot.poolGap);
      const index = intervals.push({ placeValues: placeValues(levels) }) - 1;
      for (const { s } of covering) covered[s].push(index);
    }
  }
  return { intervals, covered };
}

/** Local dates that a forecast of the organisation marks with an event. */
export async function eventDaysOf(
  dataSource: DataSource,
  organisationId: string,
  shifts: readonly PoolShiftRow[],
  timeZone: string,
): Promise<Set<string>> {
  if (shifts.length === 0) return new Set();
  const from = inZone(timeZone, shifts[0].starts_at).toISODate();
  const to = inZone(timeZone, shifts[shifts.length - 1].ends_at).toISODate();
  const rows = await queryRows<{ date: string }>(
    dataSource,
    `select distinct to_char(d.date, 'YYYY-MM-DD') as date
       from forecast_run_day d join forecast_run r on r.id = d.run_id join queue q on q.id = r.queue_id
      where q.organisation_id = $1 and cardinality(d.events) > 0 and d.date between $2 and $3`,
    [organisationId, from, to],
  );
  return new Set(rows.map((row) => row.date));
}
