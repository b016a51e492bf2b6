/**
 * What changed in my schedule since I last looked: a waitlisted shift that is now confirmed is a
 * promotion, which the page announces. The statuses last seen are kept per member in the browser
 * (localStorage), so a promotion that happened while the page was closed shows on the next visit.
 * Pure (type-only import), so its spec runs under plain jest.
 */
import type { MyScheduleEntryDto } from '@peakplan/contracts';

/** Sign-up id → status, as last shown. */
export type SeenStatuses = Record<string, MyScheduleEntryDto['status']>;

export function seenStatuses(entries: readonly MyScheduleEntryDto[]): SeenStatuses {
  return Object.fromEntries(entries.map((entry) => [entry.signUpId, entry.status]));
}

/** The entries that were waitlisted when last seen and are confirmed now. */
export function promotions(seen: SeenStatuses, entries: readonly MyScheduleEntryDto[]): MyScheduleEntryDto[] {
  return entries.filter((entry) => entry.status === 'confirmed' && seen[entry.signUpId] === 'waitlisted');
}

/** Reads what was stored; anything unreadable counts as nothing seen. */
export function parseSeen(stored: string | null): SeenStatuses {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (pair): pair is [string, MyScheduleEntryDto['status']] =>
          pair[1] === 'confirmed' || pair[1] === 'waitlisted' || pair[1] === 'requested',
      ),
    );
  } catch {
    return {};
  }
}

export function seenStorageKey(memberId: string): string {
  return `peakplan.pool.schedule-seen.${memberId}`;
}
