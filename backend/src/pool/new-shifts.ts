import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { SessionUser } from '../auth/access.decorators';
import { queryRows } from '../database/query-rows';

const DAY_MS = 86_400_000;

/** A pool shift about to be written, by hand or from a staffing plan's draft shift. */
export interface NewShift {
  queueId: string;
  startsAt: Date;
  endsAt: Date;
  breakMinutes: number;
  places: number;
  remote: boolean;
  location: string | null;
  opensAt: Date;
  closesAt: Date;
  cutoffAt: Date;
  allocation: 'first-come' | 'preference';
  peak: string | null;
  staffingPlanId: string | null;
  draftShiftId: string | null;
}

/** Writes new pool shifts in one statement; returns their ids. */
export async function insertShifts(
  manager: EntityManager,
  planner: SessionUser,
  shifts: NewShift[],
): Promise<string[]> {
  if (shifts.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    manager,
    `insert into pool_shift (organisation_id, created_by, queue_id, starts_at, ends_at, break_minutes, places, remote,
                           location, sign_up_opens_at, sign_up_closes_at, withdrawal_cutoff_at, allocation, peak,
                           staffing_plan_id, draft_shift_id)
   select $1, $2, * from unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[], $8::boolean[],
                                $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::text[],
                                $14::text[], $15::uuid[], $16::uuid[])
   returning id`,
    [
      planner.organisationId,
      planner.id,
      shifts.map((shift) => shift.queueId),
      shifts.map((shift) => shift.startsAt),
      shifts.map((shift) => shift.endsAt),
      shifts.map((shift) => shift.breakMinutes),
      shifts.map((shift) => shift.places),
      shifts.map((shift) => shift.remote),
      shifts.map((shift) => shift.location),
      shifts.map((shift) => shift.opensAt),
      shifts.map((shift) => shift.closesAt),
      shifts.map((shift) => shift.cutoffAt),
      shifts.map((shift) => shift.allocation),
      shifts.map((shift) => shift.peak),
      shifts.map((shift) => shift.staffingPlanId),
      shifts.map((shift) => shift.draftShiftId),
    ],
  );
  return rows.map((row) => row.id);
}

/**
 * The sign-up window: opens now unless given; closes 24 hours before the start unless given (or at the
 * start, when that is already past); withdrawals end 24 hours before the start unless given.
 */
export function signUpWindow(
  startsAt: Date,
  request: { signUpOpensAt?: string; signUpClosesAt?: string; withdrawalCutoffAt?: string },
  now: Date,
): { opensAt: Date; closesAt: Date; cutoffAt: Date } {
  const opensAt = request.signUpOpensAt ? new Date(request.signUpOpensAt) : now;
  // With the closing left to its default, a shift starting before sign-up opens was refused as
  // "signUpClosesAt: must be after signUpOpensAt", naming a field the planner never sent.
  if (!request.signUpClosesAt && startsAt <= opensAt)
    throw badField(
      'date',
      `the shift starts at ${startsAt.toISOString()}, not after its sign-up opens (${request.signUpOpensAt ? 'signUpOpensAt' : 'now'}), so nobody could sign up`,
    );
  const dayBefore = new Date(startsAt.getTime() - DAY_MS);
  const closesAt = request.signUpClosesAt
    ? new Date(request.signUpClosesAt)
    : dayBefore > opensAt
      ? dayBefore
      : startsAt;
  if (closesAt <= opensAt) throw badField('signUpClosesAt', 'must be after signUpOpensAt');
  if (closesAt > startsAt) throw badField('signUpClosesAt', 'must not be after the start of the shift');
  const cutoffAt = request.withdrawalCutoffAt ? new Date(request.withdrawalCutoffAt) : dayBefore;
  if (cutoffAt > startsAt) throw badField('withdrawalCutoffAt', 'must not be after the start of the shift');
  return { opensAt, closesAt, cutoffAt };
}

export function badField(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${reason}`, details: [{ field, reason }] });
}
