/**
 * The manager's pool figures in words: the department cap, the form that sets it, and the bookings
 * of the department by day. Pure (type-only imports, Intl through organisation-format), so its spec
 * runs under plain jest.
 */
import type { DepartmentBookingDto, DepartmentCapDto, SetDepartmentCapRequest } from '@peakplan/contracts';

import { formatPercent } from '../../core/format/organisation-format';

export function capText(cap: DepartmentCapDto): string {
  if (cap.maxPeople !== null)
    return `At most ${cap.maxPeople} of your ${cap.people} people away in the pool at once.`;
  if (cap.maxShare !== null)
    return `At most ${formatPercent(cap.maxShare, 0)} of your ${cap.people} people away in the pool at once: ${cap.effectiveMax ?? 0} now (rounded down).`;
  return 'No cap: any number of your people may help in the pool at once.';
}

export type CapKind = 'none' | 'people' | 'share';

export interface CapDraft {
  kind: CapKind;
  /** People (a whole number) or a percentage (0–100), as typed. */
  value: string;
}

export function capDraftOf(cap: DepartmentCapDto): CapDraft {
  if (cap.maxPeople !== null) return { kind: 'people', value: String(cap.maxPeople) };
  if (cap.maxShare !== null) return { kind: 'share', value: String(Math.round(cap.maxShare * 1000) / 10) };
  return { kind: 'none', value: '' };
}

/** The request for the API, or the problem with what was typed (naming the field). */
export function capRequestOf(draft: CapDraft): { request: SetDepartmentCapRequest } | { problem: string } {
  if (draft.kind === 'none') return { request: { maxPeople: null, maxShare: null } };
  const typed = draft.value.trim().replace(',', '.');
  const value = Number(typed);
  if (typed === '' || !Number.isFinite(value))
    return {
      problem:
        draft.kind === 'people' ? 'Give the most people as a number.' : 'Give the share as a percentage.',
    };
  if (draft.kind === 'people') {
    if (!Number.isInteger(value) || value < 0)
      return { problem: 'The most people must be a whole number, 0 or more.' };
    return { request: { maxPeople: value, maxShare: null } };
  }
  if (value < 0 || value > 100) return { problem: 'The share must be between 0 and 100%.' };
  // A percentage of one decimal at most: 12.5% → 0.125.
  return { request: { maxPeople: null, maxShare: Math.round(value * 10) / 1000 } };
}

export interface BookingDay {
  date: string;
  bookings: DepartmentBookingDto[];
  /** Confirmed people of the department away on that day (each counted once). */
  confirmedPeople: number;
}

/** Bookings by local day, soonest first (the API sorts them by start). */
export function bookingsByDay(bookings: readonly DepartmentBookingDto[]): BookingDay[] {
  const days = new Map<string, BookingDay>();
  for (const booking of bookings) {
    let day = days.get(booking.date);
    if (!day) {
      day = { date: booking.date, bookings: [], confirmedPeople: 0 };
      days.set(booking.date, day);
    }
    day.bookings.push(booking);
  }
  for (const day of days.values())
    day.confirmedPeople = new Set(
      day.bookings.filter((booking) => booking.status === 'confirmed').map((booking) => booking.memberId),
    ).size;
  return [...days.values()];
}

export function bookingStatusText(booking: Pick<DepartmentBookingDto, 'status' | 'position'>): string {
  switch (booking.status) {
    case 'confirmed':
      return 'confirmed';
    case 'waitlisted':
      return booking.position ? `waitlist no. ${booking.position}` : 'on the waitlist';
    case 'requested':
      return 'asked for it';
  }
}
