/**
 * A pool member's approval, training and availability in words. Pure (type-only import, Intl through
 * organisation-format), so its spec runs under plain jest.
 */
import type { PoolMemberDto, PoolSkillDto, WeeklyAvailability } from '@peakplan/contracts';

import { formatCalendarDate } from '../../core/format/organisation-format';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const APPROVAL_LABELS: Record<PoolMemberDto['state'], string> = {
  'not-joined': 'Not in the pool',
  left: 'Left the pool',
  pending: "Waiting for your manager's approval",
  approved: 'Approved',
  refused: 'Not approved',
};

/** `Trained 3 Jan 2025, current until 2 Jan 2027` and the like; dates nl-NL. */
export function trainingText(skill: PoolSkillDto): string {
  if (!skill.trainedOn) return 'Not trained yet';
  const trained = `Trained ${formatCalendarDate(skill.trainedOn, 'short')}`;
  if (!skill.expiresOn) return `${trained}, does not expire`;
  const expires = formatCalendarDate(skill.expiresOn, 'short');
  return skill.current ? `${trained}, counts until ${expires}` : `${trained}, expired ${expires}`;
}

/** Weekly windows per weekday, Monday first: `Monday 08:00–17:00`; none means any time. */
export function availabilityLines(windows: readonly WeeklyAvailability[]): string[] {
  if (windows.length === 0) return ['Any day, any time'];
  return [...windows]
    .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))
    .map(
      (window) => `${WEEKDAYS[window.weekday - 1] ?? `Day ${window.weekday}`} ${window.from}–${window.to}`,
    );
}

/** `at most 16 h a week, 40 h a peak`, or that there is no cap. */
export function hoursCapText(member: Pick<PoolMemberDto, 'maxHoursPerWeek' | 'maxHoursPerPeak'>): string {
  const parts = [
    member.maxHoursPerWeek !== null ? `${member.maxHoursPerWeek} h a week` : null,
    member.maxHoursPerPeak !== null ? `${member.maxHoursPerPeak} h a peak` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `At most ${parts.join(', ')}` : 'No limit of your own';
}
