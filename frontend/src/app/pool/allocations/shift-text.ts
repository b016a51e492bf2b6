/**
 * A pool shift in words, the same way on the member's and the planner's pages. Pure (formatting only),
 * so its spec runs under plain jest.
 */
import type { PoolShiftDto } from '@peakplan/contracts';

import { formatCalendarDate } from '../../core/format/organisation-format';

type ShiftTimes = Pick<PoolShiftDto, 'date' | 'start' | 'end' | 'skill'>;

/** `za 14 feb 2026, 18:00–22:00` (nl-NL); an end at or before the start runs into the next day. */
export function shiftWhen(shift: ShiftTimes): string {
  const nextDay = shift.end <= shift.start ? ' (next day)' : '';
  return `${formatCalendarDate(shift.date)}, ${shift.start}–${shift.end}${nextDay}`;
}

/** `za 14 feb 2026, 18:00–22:00 · phone`. */
export function shiftLabel(shift: ShiftTimes): string {
  return `${shiftWhen(shift)} · ${shift.skill}`;
}
