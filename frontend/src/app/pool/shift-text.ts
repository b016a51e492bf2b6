/**
 * How a peak shift reads for a pool member: its day and times in the organisation's zone, the places
 * left or the waitlist, what a sign-up answered and what the member can do now. Pure (type-only
 * imports, Intl through organisation-format), so its spec runs under plain jest.
 */
import type { ShiftPreference, MyScheduleEntryDto, PoolShiftDto, SignUpResponse } from '@peakplan/contracts';

import { formatCalendarDate, formatInstant, formatNumber } from '../core/format/organisation-format';

type ShiftTimes = Pick<PoolShiftDto, 'date' | 'start' | 'end' | 'paidHours' | 'breakMinutes'>;

/** `09:00–13:00`, with "next day" when the shift runs past midnight (the API gives local clock times). */
export function shiftHours(shift: Pick<PoolShiftDto, 'start' | 'end'>): string {
  return `${shift.start}–${shift.end}${shift.end <= shift.start ? ' (next day)' : ''}`;
}

/** `za 14 feb 2026, 09:00–13:00`: the shift's day and hours on the organisation's clock. */
export function shiftWhen(shift: ShiftTimes): string {
  return `${formatCalendarDate(shift.date, 'long')}, ${shiftHours(shift)}`;
}

/** `4 h paid` or `5,5 h paid, 30 min break`. */
export function shiftLength(shift: Pick<PoolShiftDto, 'paidHours' | 'breakMinutes'>): string {
  const digits = Number.isInteger(shift.paidHours) ? 0 : 1;
  const paid = `${formatNumber(shift.paidHours, digits)} h paid`;
  return shift.breakMinutes > 0 ? `${paid}, ${shift.breakMinutes} min break` : paid;
}

/** Remote, or where to go. */
export function shiftPlace(shift: Pick<PoolShiftDto, 'remote' | 'location'>): string {
  if (shift.remote) return shift.location ? `Remote (${shift.location})` : 'Remote';
  return shift.location ? `On site: ${shift.location}` : 'On site';
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Places left, or the waitlist when the shift is full; preference shifts count the requests. */
export function placesText(
  shift: Pick<PoolShiftDto, 'places' | 'confirmed' | 'waitlisted' | 'requested' | 'allocation'>,
): string {
  if (shift.allocation === 'preference')
    return `${count(shift.places, 'place', 'places')}, ${count(shift.requested, 'request', 'requests')} so far`;
  const left = shift.places - shift.confirmed;
  if (left > 0) return `${left} of ${count(shift.places, 'place', 'places')} left`;
  return shift.waitlisted > 0
    ? `Full: ${count(shift.waitlisted, 'person', 'people')} on the waitlist`
    : 'Full: the waitlist is empty';
}

/** My sign-up on the shift when it holds or waits for a place; a withdrawn or cancelled one does not. */
export function activeSignUp(shift: Pick<PoolShiftDto, 'mine'>): PoolShiftDto['mine'] {
  const mine = shift.mine;
  return mine && (mine.status === 'confirmed' || mine.status === 'waitlisted' || mine.status === 'requested')
    ? mine
    : null;
}

/** What the member can do with the shift now. */
export type ShiftAction = 'sign-up' | 'join-waitlist' | 'request' | 'withdraw' | 'leave-waitlist' | 'none';

export function shiftAction(shift: PoolShiftDto, now: Date): ShiftAction {
  const mine = activeSignUp(shift);
  if (mine && (mine.status === 'confirmed' || mine.status === 'requested'))
    return mine.status === 'confirmed' && now >= new Date(shift.withdrawalCutoffAt) ? 'none' : 'withdraw';
  if (mine && mine.status === 'waitlisted') return 'leave-waitlist';
  if (shift.blockedBy || shift.status !== 'open') return 'none';
  if (shift.allocation === 'preference') return 'request';
  return shift.confirmed < shift.places ? 'sign-up' : 'join-waitlist';
}

export const ACTION_LABELS: Record<Exclude<ShiftAction, 'none'>, string> = {
  'sign-up': 'Sign up',
  'join-waitlist': 'Join the waitlist',
  request: 'Ask for this shift',
  withdraw: 'Withdraw',
  'leave-waitlist': 'Leave the waitlist',
};

/** The member's own state on the shift in words, or null when they have no sign-up. */
export function myStateText(
  mine:
    | {
        status: MyScheduleEntryDto['status'] | 'withdrawn' | 'cancelled';
        position?: number;
        preference?: ShiftPreference;
        rank?: number | null;
      }
    | null
    | undefined,
): string | null {
  if (!mine) return null;
  switch (mine.status) {
    case 'confirmed':
      return 'You are confirmed';
    case 'waitlisted':
      return mine.position ? `You are number ${mine.position} on the waitlist` : 'You are on the waitlist';
    case 'requested':
      if (mine.preference === 'can') return 'You can take this shift';
      if (mine.preference === 'want')
        return mine.rank ? `You want this shift (your choice ${mine.rank})` : 'You want this shift';
      return 'You asked for this shift';
    default:
      return null;
  }
}

/** The answer to marking a preference shift, as one sentence for the live region. */
export function markAnswer(
  mark: { preference: ShiftPreference; rank: number | null },
  shift: ShiftTimes,
): string {
  const when = shiftWhen(shift);
  if (mark.preference === 'none') return `You no longer ask for ${when}.`;
  if (mark.preference === 'can')
    return `Marked: you can take ${when}. Wants go first when the planner shares out the places.`;
  return mark.rank ? `Marked: you want ${when}, as your choice ${mark.rank}.` : `Marked: you want ${when}.`;
}

/** The immediate answer to a sign-up, as one sentence for the live region. */
export function signUpAnswer(answer: SignUpResponse, shift: ShiftTimes): string {
  const when = shiftWhen(shift);
  switch (answer.status) {
    case 'confirmed':
      return `You are confirmed for ${when}.`;
    case 'waitlisted':
      return `The shift of ${when} is full: you are number ${answer.position ?? '?'} on the waitlist. You get the place when one frees up.`;
    case 'requested':
      return `You asked for ${when}. The planner shares out these places when sign-up closes.`;
  }
}

/** The answer to a withdrawal (or an undo). */
export function withdrawAnswer(shift: ShiftTimes, wasWaitlisted: boolean): string {
  return wasWaitlisted
    ? `You left the waitlist for ${shiftWhen(shift)}.`
    : `You withdrew from ${shiftWhen(shift)}.`;
}

/** Until when a confirmed member may withdraw (or undo), in the organisation's zone. */
export function cutoffText(shift: Pick<PoolShiftDto, 'withdrawalCutoffAt'>, now: Date): string {
  const cutoff = new Date(shift.withdrawalCutoffAt);
  return now < cutoff
    ? `You can withdraw until ${formatInstant(shift.withdrawalCutoffAt)}.`
    : `The withdrawal cut-off passed on ${formatInstant(shift.withdrawalCutoffAt)}: ask your planner.`;
}
