import type { DataSource } from 'typeorm';

import type { RosterCandidate, RosterLimit } from '@peakplan/forecasting';

import type { PoolShiftRow } from '../pool-shift.row';
import { inZone, paidHours } from '../pool-time';
import { effectiveCap } from '../sign-up-rules';
import { queryRows } from '../../database/query-rows';

/* The sign-up rules between the roster's own shifts, as limits of the program: weekly and per-peak
 * hours left, and department caps left at each moment. */

export interface MemberLimitRow {
  id: string;
  department_id: string | null;
  max_hours_per_week: number | null;
  max_hours_per_peak: number | null;
}

interface BookedRow {
  user_id: string;
  department_id: string | null;
  starts_at: Date;
  ends_at: Date;
  break_minutes: number;
  peak: string | null;
}

/** Confirmed shifts (of members or departments), for the hours and caps they leave. */
async function bookedOf(dataSource: DataSource, where: string, params: unknown[]): Promise<BookedRow[]> {
  return queryRows<BookedRow>(
    dataSource,
    `select su.user_id, u.department_id, s.starts_at, s.ends_at, s.break_minutes, s.peak
       from pool_sign_up su join pool_shift s on s.id = su.shift_id join app_user u on u.id = su.user_id
      where su.status = 'confirmed' and s.cancelled_at is null and ${where}`,
    params,
  );
}

/** Weekly and per-peak hours: what the member's confirmed shifts leave of their maximum. */
export async function hourLimits(
  dataSource: DataSource,
  shifts: readonly PoolShiftRow[],
  memberIds: readonly string[],
  memberRow: ReadonlyMap<string, MemberLimitRow>,
  candidates: readonly RosterCandidate[],
  timeZone: string,
): Promise<RosterLimit[]> {
  const booked = await bookedOf(dataSource, 'su.user_id = any($1)', [memberIds]);
  const week = (at: Date) => inZone(timeZone, at).toFormat("kkkk-'W'WW");
  const limits: RosterLimit[] = [];
  memberIds.forEach((memberId, m) => {
    const row = memberRow.get(memberId);
    const mine = candidates.flatMap((candidate, p) =>
      candidate.member === m && candidate.pin !== 'out' ? [p] : [],
    );
    const hoursOf = (p: number) => {
      const shift = shifts[candidates[p].shift];
      return paidHours(shift.starts_at, shift.ends_at, shift.break_minutes);
    };
    const bookedHours = (keep: (other: BookedRow) => boolean) =>
      booked
        .filter((other) => other.user_id === memberId && keep(other))
        .reduce((sum, other) => sum + paidHours(other.starts_at, other.ends_at, other.break_minutes), 0);
    const add = (group: number[], max: number, reason: string) => {
      if (group.reduce((sum, p) => sum + hoursOf(p), 0) > max + 1e-9)
        limits.push({ candidates: group, coefficients: group.map(hoursOf), max, reason });
    };
    if (row?.max_hours_per_week != null) {
      const weeks = [...new Set(mine.map((p) => week(shifts[candidates[p].shift].starts_at)))];
      for (const label of weeks) {
        const group = mine.filter((p) => week(shifts[candidates[p].shift].starts_at) === label);
        const left = row.max_hours_per_week - bookedHours((other) => week(other.starts_at) === label);
        add(
          group,
          left,
          `It would bring you over your maximum of ${row.max_hours_per_week} hours in week ${label.slice(-2)}.`,
        );
      }
    }
    if (row?.max_hours_per_peak != null) {
      const peaks = [
        ...new Set(mine.map((p) => shifts[candidates[p].shift].peak).filter((peak) => peak !== null)),
      ];
      for (const peak of peaks) {
        const group = mine.filter((p) => shifts[candidates[p].shift].peak === peak);
        const left = row.max_hours_per_peak - bookedHours((other) => other.peak === peak);
        add(
          group,
          left,
          `It would bring you over your maximum of ${row.max_hours_per_peak} hours in ${peak}.`,
        );
      }
    }
  });
  return limits;
}

/**
 * Department caps: at each start of a shift of the roster, the department's people in the pool then
 * (confirmed already) plus those the roster gives a shift covering that moment stay within the cap.
 * The count only rises at a start, so the roster's starts are the moments to check.
 */
export async function departmentCapLimits(
  dataSource: DataSource,
  shifts: readonly PoolShiftRow[],
  memberIds: readonly string[],
  memberRow: ReadonlyMap<string, MemberLimitRow>,
  candidates: readonly RosterCandidate[],
): Promise<RosterLimit[]> {
  const departments = [
    ...new Set(memberIds.map((id) => memberRow.get(id)?.department_id ?? null).filter((id) => id !== null)),
  ].sort();
  if (departments.length === 0) return [];
  const caps = await queryRows<{
    department_id: string;
    max_people: number | null;
    max_share: number | null;
    people: number;
  }>(
    dataSource,
    `select c.department_id, c.max_people, c.max_share,
              (select count(*)::int from app_user u where u.department_id = c.department_id and u.active) as people
         from department_pool_cap c where c.department_id = any($1)`,
    [departments],
  );
  const booked = await bookedOf(dataSource, 'u.department_id = any($1)', [departments]);
  const limits: RosterLimit[] = [];
  for (const cap of caps.sort((a, b) => (a.department_id < b.department_id ? -1 : 1))) {
    const limit = effectiveCap(cap.max_people, cap.max_share, cap.people);
    if (limit === null) continue;
    const ofDepartment = candidates.flatMap((candidate, p) =>
      candidate.pin !== 'out' &&
      memberRow.get(memberIds[candidate.member])?.department_id === cap.department_id
        ? [p]
        : [],
    );
    const moments = [
      ...new Set(ofDepartment.map((p) => shifts[candidates[p].shift].starts_at.getTime())),
    ].sort((a, b) => a - b);
    for (const moment of moments) {
      const covering = ofDepartment.filter((p) => {
        const shift = shifts[candidates[p].shift];
        return shift.starts_at.getTime() <= moment && moment < shift.ends_at.getTime();
      });
      const away = booked.filter(
        (other) =>
          other.department_id === cap.department_id &&
          other.starts_at.getTime() <= moment &&
          moment < other.ends_at.getTime(),
      ).length;
      if (covering.length > limit - away)
        limits.push({
          candidates: covering,
          max: limit - away,
          reason: `Your department would have more than its most of ${limit} people in the pool during this shift.`,
        });
    }
  }
  return limits;
}
