import type { EntityManager } from 'typeorm';

import type { PoolShiftDto, PoolShiftStatus, ShiftAllocation } from '@peakplan/contracts';

import { inZone, isoInZone, paidHours } from './pool-time';
import { queryOne } from '../database/query-rows';

/** A pool shift as read from the database, with its queue's name as the skill and its sign-up counts. */
export interface PoolShiftRow {
  id: string;
  organisation_id: string;
  staffing_plan_id: string | null;
  draft_shift_id: string | null;
  queue_id: string;
  skill: string;
  starts_at: Date;
  ends_at: Date;
  break_minutes: number;
  places: number;
  confirmed_count: number;
  remote: boolean;
  location: string | null;
  sign_up_opens_at: Date;
  sign_up_closes_at: Date;
  withdrawal_cutoff_at: Date;
  allocation: ShiftAllocation;
  peak: string | null;
  cancelled_at: Date | null;
  sequence: number;
  waitlisted: number;
  requested: number;
}

/** Columns of `pool_shift s join queue q`, plus the waitlisted and requested counts. */
export const SHIFT_COLUMNS = `s.id, s.organisation_id, s.staffing_plan_id, s.draft_shift_id, s.queue_id, q.name as skill,
  s.starts_at, s.ends_at, s.break_minutes, s.places, s.confirmed_count, s.remote, s.location,
  s.sign_up_opens_at, s.sign_up_closes_at, s.withdrawal_cutoff_at, s.allocation, s.peak, s.cancelled_at, s.sequence,
  (select count(*)::int from pool_sign_up w where w.shift_id = s.id and w.status = 'waitlisted') as waitlisted,
  (select count(*)::int from pool_sign_up r where r.shift_id = s.id and r.status = 'requested') as requested`;

/**
 * One shift of the organisation; `forUpdate` takes the shift row's lock, which every sign-up,
 * withdrawal and change of that shift holds until its transaction ends.
 */
export async function loadShift(
  manager: EntityManager,
  organisationId: string,
  id: string,
  forUpdate = false,
): Promise<PoolShiftRow | null> {
  if (forUpdate)
    await manager.query(`select id from pool_shift where id = $1 and organisation_id = $2 for update`, [
      id,
      organisationId,
    ]);
  const row = await queryOne<PoolShiftRow>(
    manager,
    `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id
      where s.id = $1 and s.organisation_id = $2`,
    [id, organisationId],
  );
  return row ?? null;
}

/** open: the sign-up window is open now; upcoming: not yet; closed: window over or shift begun. */
export function shiftStatus(row: PoolShiftRow, now: Date): PoolShiftStatus {
  if (row.cancelled_at) return 'cancelled';
  if (now >= row.sign_up_closes_at || now >= row.starts_at) return 'closed';
  if (now < row.sign_up_opens_at) return 'upcoming';
  return 'open';
}

export function toShiftDto(row: PoolShiftRow, timeZone: string, now: Date): PoolShiftDto {
  const start = inZone(timeZone, row.starts_at);
  return {
    id: row.id,
    date: start.toISODate()!,
    start: start.toFormat('HH:mm'),
    end: inZone(timeZone, row.ends_at).toFormat('HH:mm'),
    startsAt: isoInZone(timeZone, row.starts_at),
    endsAt: isoInZone(timeZone, row.ends_at),
    breakMinutes: row.break_minutes,
    paidHours: Math.round(paidHours(row.starts_at, row.ends_at, row.break_minutes) * 100) / 100,
    skill: row.skill,
    places: row.places,
    confirmed: row.confirmed_count,
    waitlisted: row.waitlisted,
    requested: row.requested,
    remote: row.remote,
    location: row.location,
    signUpOpensAt: isoInZone(timeZone, row.sign_up_opens_at),
    signUpClosesAt: isoInZone(timeZone, row.sign_up_closes_at),
    withdrawalCutoffAt: isoInZone(timeZone, row.withdrawal_cutoff_at),
    allocation: row.allocation,
    status: shiftStatus(row, now),
    peak: row.peak,
    staffingPlanId: row.staffing_plan_id,
    draftShiftId: row.draft_shift_id,
  };
}
