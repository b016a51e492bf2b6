/**
 * The open shifts a member sees, filtered by day, skill and remote and grouped by peak, then by day.
 * Pure (type-only import), so its spec runs under plain jest.
 */
import type { PoolShiftDto } from '@peakplan/contracts';

export interface ShiftFilter {
  /** A local date `YYYY-MM-DD`, or '' for every day. */
  day: string;
  /** A skill (queue name), or '' for every skill. */
  skill: string;
  remote: 'any' | 'remote' | 'on-site';
}

export const NO_FILTER: ShiftFilter = { day: '', skill: '', remote: 'any' };

export interface ShiftDayGroup {
  date: string;
  shifts: PoolShiftDto[];
}

export interface ShiftPeakGroup {
  /** The peak's label; null for shifts outside any peak. */
  peak: string | null;
  days: ShiftDayGroup[];
  /** Shifts in the group. */
  count: number;
}

export function matchesFilter(shift: PoolShiftDto, filter: ShiftFilter): boolean {
  if (filter.day && shift.date !== filter.day) return false;
  if (filter.skill && shift.skill !== filter.skill) return false;
  if (filter.remote === 'remote' && !shift.remote) return false;
  if (filter.remote === 'on-site' && shift.remote) return false;
  return true;
}

/**
 * Groups by peak in the order of each peak's first shift (the soonest peak first; shifts outside a
 * peak after the peaks), and inside a peak by day, each day's shifts by start.
 */
export function groupShifts(
  shifts: readonly PoolShiftDto[],
  filter: ShiftFilter = NO_FILTER,
): ShiftPeakGroup[] {
  const sorted = shifts
    .filter((shift) => matchesFilter(shift, filter))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.skill.localeCompare(b.skill));
  const peaks = new Map<string | null, ShiftPeakGroup>();
  for (const shift of sorted) {
    let peak = peaks.get(shift.peak);
    if (!peak) {
      peak = { peak: shift.peak, days: [], count: 0 };
      peaks.set(shift.peak, peak);
    }
    let day = peak.days.find((candidate) => candidate.date === shift.date);
    if (!day) {
      day = { date: shift.date, shifts: [] };
      peak.days.push(day);
    }
    day.shifts.push(shift);
    peak.count += 1;
  }
  const groups = [...peaks.values()];
  return [...groups.filter((group) => group.peak !== null), ...groups.filter((group) => group.peak === null)];
}

/** The days and skills to offer in the filters: those of the shifts, sorted. */
export function filterOptions(shifts: readonly PoolShiftDto[]): { days: string[]; skills: string[] } {
  return {
    days: [...new Set(shifts.map((shift) => shift.date))].sort(),
    skills: [...new Set(shifts.map((shift) => shift.skill))].sort(),
  };
}
