import type { EntityManager } from 'typeorm';

import type { WeeklyAvailability } from '@peakplan/contracts';

import { PoolRuleRefusal } from './pool-refusal';
import type { PoolShiftRow } from './pool-shift.row';
import { dateInWords, inZone, localToday, paidHours } from './pool-time';
import { queryOne, queryRows } from '../database/query-rows';

/** Working-time rule: at least 11 hours between two shifts (EU Working Time Directive, art. 3). */
export const MINIMUM_REST_HOURS = 11;

export interface RuleContext {
  timeZone: string;
  now: Date;
  /** A promotion from the waitlist happens after the window may have closed; it skips the window rules. */
  promotion?: boolean;
}

interface MemberRow {
  active: boolean | null;
  pool_approval: string;
  department_id: string | null;
  weekly_availability: WeeklyAvailability[] | null;
  max_hours_per_week: number | null;
  max_hours_per_peak: number | null;
}

/** A confirmed shift of the member (or a colleague), as the working-time rules read it. */
export interface BookedShiftRow {
  starts_at: Date;
  ends_at: Date;
  break_minutes: number;
  peak: string | null;
}

/** The shift's own state: cancelled, begun, window not open or over. */
export function checkShiftState(shift: PoolShiftRow, context: RuleContext): void {
  if (shift.cancelled_at) throw new PoolRuleRefusal('shift-cancelled', 'This shift has been cancelled.');
  if (context.now >= shift.starts_at)
    throw new PoolRuleRefusal('shift-past', 'This shift has already started or is over.');
  if (context.promotion) return;
  if (context.now < shift.sign_up_opens_at)
    throw new PoolRuleRefusal(
      'window-not-open',
      `Sign-up for this shift opens at ${inZone(context.timeZone, shift.sign_up_opens_at).toFormat('d MMMM HH:mm')}.`,
    );
  if (context.now >= shift.sign_up_closes_at)
    throw new PoolRuleRefusal('window-closed', 'Sign-up for this shift has closed.');
}

/**
 * Every rule about the member and their other shifts, inside the caller's transaction. The member's
 * pool row (and their department's cap row) are locked first, so two sign-ups of one member, or of two
 * people of one capped department, cannot both pass on the same free hours or the same free cap.
 */
export async function checkMemberRules(
  manager: EntityManager,
  shift: PoolShiftRow,
  memberId: string,
  context: RuleContext,
): Promise<void> {
  const member = await queryOne<MemberRow>(
    manager,
    `select pm.active, u.pool_approval, u.department_id, pm.weekly_availability,
            pm.max_hours_per_week, pm.max_hours_per_peak
       from app_user u left join pool_member pm on pm.user_id = u.id
      where u.id = $1 and u.active
      for no key update of u`,
    [memberId],
  );
  if (!member || !member.active)
    throw new PoolRuleRefusal('not-a-member', 'You are not in the pool: join it first.');
  if (member.pool_approval !== 'approved')
    throw new PoolRuleRefusal(
      'not-approved',
      member.pool_approval === 'refused'
        ? 'Your manager did not approve you for the pool.'
        : "You are waiting for your manager's approval.",
    );
  const start = inZone(context.timeZone, shift.starts_at);
  const end = inZone(context.timeZone, shift.ends_at);
  const shiftDate = start.toISODate()!;
  const today = localToday(context.timeZone, context.now);
  await checkTraining(manager, shift, memberId, shiftDate, today);

  const dayOff = await queryOne<object>(
    manager,
    `select 1 from pool_member_date_off where user_id = $1 and day = $2`,
    [memberId, shiftDate],
  );
  if (dayOff)
    throw new PoolRuleRefusal('unavailable', `You marked ${dateInWords(shiftDate, today)} as a day off.`);
  if (!fitsWeeklyAvailability(member.weekly_availability ?? [], start.weekday, start, end))
    throw new PoolRuleRefusal(
      'unavailable',
      `You are not available on ${start.toFormat('cccc')}s from ${start.toFormat('HH:mm')} to ${end.toFormat('HH:mm')}.`,
    );

  const booked = await queryRows<BookedShiftRow>(
    manager,
    `select s.starts_at, s.ends_at, s.break_minutes, s.peak
       from pool_sign_up su join pool_shift s on s.id = su.shift_id
      where su.user_id = $1 and su.status = 'confirmed' and s.cancelled_at is null and s.id <> $2`,
    [memberId, shift.id],
  );
  checkBookedShifts(shift, booked, member, context.timeZone);
  if (member.department_id) await checkDepartmentCap(manager, shift, memberId, member.department_id);
}

/**
 * The working-time rules against the member's confirmed shifts: no overlap, at least 11 hours of rest,
 * the weekly and per-peak hours caps. Pure, so the open-shift list explains the same refusal before a
 * sign-up is tried (`booked` must not hold the shift itself).
 */
export function checkBookedShifts(
  shift: Pick<PoolShiftRow, 'starts_at' | 'ends_at' | 'break_minutes' | 'peak'>,
  booked: readonly BookedShiftRow[],
  limits: { max_hours_per_week: number | null; max_hours_per_peak: number | null },
  timeZone: string,
): void {
  const start = inZone(timeZone, shift.starts_at);
  const restMs = MINIMUM_REST_HOURS * 3_600_000;
  for (const other of booked) {
    const otherStart = inZone(timeZone, other.starts_at);
    const otherEnd = inZone(timeZone, other.ends_at);
    if (other.starts_at < shift.ends_at && other.ends_at > shift.starts_at)
      throw new PoolRuleRefusal(
        'overlap',
        `This shift overlaps your shift of ${otherStart.toFormat('d MMMM')} from ${otherStart.toFormat('HH:mm')} to ${otherEnd.toFormat('HH:mm')}.`,
      );
    const before = other.ends_at <= shift.starts_at;
    const gap = before
      ? shift.starts_at.getTime() - other.ends_at.getTime()
      : other.starts_at.getTime() - shift.ends_at.getTime();
    if (gap < restMs)
      throw new PoolRuleRefusal(
        'rest-too-short',
        before
          ? `Less than ${MINIMUM_REST_HOURS} hours of rest after your shift that ends at ${otherEnd.toFormat('HH:mm')} on ${otherEnd.toFormat('d MMMM')}.`
          : `Less than ${MINIMUM_REST_HOURS} hours of rest before your shift that starts at ${otherStart.toFormat('HH:mm')} on ${otherStart.toFormat('d MMMM')}.`,
      );
  }
  const hours = paidHours(shift.starts_at, shift.ends_at, shift.break_minutes);
  if (limits.max_hours_per_week !== null) {
    const week = start.toFormat("kkkk-'W'WW");
    const weekHours = booked
      .filter((other) => inZone(timeZone, other.starts_at).toFormat("kkkk-'W'WW") === week)
      .reduce((sum, other) => sum + paidHours(other.starts_at, other.ends_at, other.break_minutes), 0);
    if (weekHours + hours > limits.max_hours_per_week + 1e-9)
      throw new PoolRuleRefusal(
        'weekly-hours',
        `This shift would bring you to ${round(weekHours + hours)} hours in week ${start.weekNumber}, over your maximum of ${limits.max_hours_per_week}.`,
      );
  }
  if (limits.max_hours_per_peak !== null && shift.peak !== null) {
    const peakHours = booked
      .filter((other) => other.peak === shift.peak)
      .reduce((sum, other) => sum + paidHours(other.starts_at, other.ends_at, other.break_minutes), 0);
    if (peakHours + hours > limits.max_hours_per_peak + 1e-9)
      throw new PoolRuleRefusal(
        'peak-hours',
        `This shift would bring you to ${round(peakHours + hours)} hours in ${shift.peak}, over your maximum of ${limits.max_hours_per_peak}.`,
      );
  }
}

async function checkTraining(
  manager: EntityManager,
  shift: PoolShiftRow,
  memberId: string,
  shiftDate: string,
  today: string,
): Promise<void> {
  const training = await queryOne<{ trained_on: string | null; training_expires_on: string | null }>(
    manager,
    `select to_char(trained_on, 'YYYY-MM-DD') as trained_on, to_char(training_expires_on, 'YYYY-MM-DD') as training_expires_on
       from pool_member_skill where user_id = $1 and queue_id = $2`,
    [memberId, shift.queue_id],
  );
  if (!training || training.trained_on === null || training.trained_on > shiftDate)
    throw new PoolRuleRefusal(
      'untrained',
      training?.trained_on
        ? `Your ${shift.skill} training is completed on ${dateInWords(training.trained_on, today)}, after this shift.`
        : `You are not trained for ${shift.skill}.`,
    );
  if (training.training_expires_on !== null && training.training_expires_on <= shiftDate)
    throw new PoolRuleRefusal(
      'training-expired',
      training.training_expires_on <= today
        ? `Your ${shift.skill} training expired on ${dateInWords(training.training_expires_on, today)}.`
        : `Your ${shift.skill} training expires on ${dateInWords(training.training_expires_on, today)}, before this shift.`,
    );
}

/**
 * The member's department may have at most N people (or a share of its people) away in the pool at any
 * moment. The cap row is locked so that two colleagues cannot take its last free seat at once.
 */
async function checkDepartmentCap(
  manager: EntityManager,
  shift: PoolShiftRow,
  memberId: string,
  departmentId: string,
): Promise<void> {
  const cap = await queryOne<{ max_people: number | null; max_share: number | null; people: number }>(
    manager,
    `select c.max_people, c.max_share,
            (select count(*)::int from app_user u where u.department_id = c.department_id and u.active) as people
       from department_pool_cap c where c.department_id = $1 for no key update of c`,
    [departmentId],
  );
  if (!cap) return;
  const limit = effectiveCap(cap.max_people, cap.max_share, cap.people);
  if (limit === null) return;
  const away = await queryRows<{ starts_at: Date; ends_at: Date }>(
    manager,
    `select s.starts_at, s.ends_at
       from pool_sign_up su join pool_shift s on s.id = su.shift_id join app_user u on u.id = su.user_id
      where u.department_id = $1 and su.status = 'confirmed' and s.cancelled_at is null and su.user_id <> $2
        and s.starts_at < $4 and s.ends_at > $3`,
    [departmentId, memberId, shift.starts_at, shift.ends_at],
  );
  const busiest = busiestAway(shift, away);
  if (busiest + 1 > limit) throw departmentCapRefusal(busiest, limit);
}

/**
 * The most colleagues away in the pool at one moment of the shift, from their confirmed shifts that
 * overlap it. The count only rises at a start, so the busiest moment is the shift's own start or a
 * colleague's start inside it.
 */
export function busiestAway(
  shift: Pick<PoolShiftRow, 'starts_at' | 'ends_at'>,
  away: readonly { starts_at: Date; ends_at: Date }[],
): number {
  const overlapping = away.filter(
    (other) => other.starts_at < shift.ends_at && other.ends_at > shift.starts_at,
  );
  const moments = [
    shift.starts_at,
    ...overlapping.map((other) => other.starts_at).filter((t) => t > shift.starts_at),
  ];
  return Math.max(
    0,
    ...moments.map(
      (moment) => overlapping.filter((other) => other.starts_at <= moment && other.ends_at > moment).length,
    ),
  );
}

export function departmentCapRefusal(busiest: number, limit: number): PoolRuleRefusal {
  return new PoolRuleRefusal(
    'department-cap',
    `Your department already has ${busiest} of at most ${limit} people in the pool during this shift.`,
  );
}

/** A cap as a number of people: the number, or the share of the department's people rounded down. */
export function effectiveCap(
  maxPeople: number | null,
  maxShare: number | null,
  people: number,
): number | null {
  if (maxPeople !== null) return maxPeople;
  if (maxShare !== null) return Math.floor(maxShare * people + 1e-9);
  return null;
}

/**
 * Whether the shift lies inside one weekly window of its start's weekday. No windows at all: available
 * any time. A shift past midnight needs a window reaching 24:00.
 */
export function fitsWeeklyAvailability(
  windows: WeeklyAvailability[],
  weekday: number,
  start: { toFormat(format: string): string; toISODate(): string | null },
  end: { toFormat(format: string): string; toISODate(): string | null },
): boolean {
  if (windows.length === 0) return true;
  const from = start.toFormat('HH:mm');
  const to = end.toISODate() === start.toISODate() ? end.toFormat('HH:mm') : '24:00';
  return windows.some((window) => window.weekday === weekday && window.from <= from && to <= window.to);
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
