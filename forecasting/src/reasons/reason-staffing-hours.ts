import { scheduledAgents } from '../staffing/shrinkage';
import { staffIntervals } from '../staffing/staff-intervals';
import type { LiveQueueSettings } from '../staffing/staffing-types';
import { workloadAgents } from '../staffing/workload';

/** A queue's staffing settings: live (Erlang) or deferred (workload at the target occupancy). */
export type ReasonStaffingQueue =
  | ({ kind: 'live' } & LiveQueueSettings)
  | { kind: 'deferred'; intervalMinutes: number; ahtSeconds: number; occupancy?: number; shrinkage?: number };

/** Scheduled hours (after shrinkage) to answer `contacts`, interval by interval. */
export function scheduledHours(contacts: ArrayLike<number>, queue: ReasonStaffingQueue): number {
  const hours = queue.intervalMinutes / 60;
  if (queue.kind === 'live') return staffIntervals(contacts, queue).totals.scheduled * hours;
  // Deferred: the interval's work at the target occupancy, rounded up to whole agents.
  const agents = workloadAgents(contacts, queue);
  let total = 0;
  for (const value of agents) total += scheduledAgents(Math.ceil(value - 1e-9), queue.shrinkage ?? 0);
  return total * hours;
}

/**
 * The staff hours each reason costs: scheduled hours of all contacts minus scheduled hours with that
 * reason's contacts taken out (each interval scaled by 1 − the reason's share of its day). Whole agents
 * per interval make the hours of the reasons add up to about, not exactly, the total.
 *
 * @param contacts contacts per interval
 * @param dayOfInterval for each interval, the index of its day in `sharesByDay`
 * @param sharesByDay per day, each reason's share of the day's contacts
 */
export function reasonStaffingHours(
  contacts: ArrayLike<number>,
  dayOfInterval: ArrayLike<number>,
  sharesByDay: readonly Record<string, number>[],
  reasons: readonly string[],
  queue: ReasonStaffingQueue,
): Record<string, number> {
  if (dayOfInterval.length !== contacts.length)
    throw new RangeError(`dayOfInterval must have one day per interval (${contacts.length})`);
  const all = scheduledHours(contacts, queue);
  const result: Record<string, number> = {};
  for (const reason of reasons) {
    const without = Float64Array.from(
      { length: contacts.length },
      (_, i) => contacts[i] * (1 - (sharesByDay[dayOfInterval[i]]?.[reason] ?? 0)),
    );
    result[reason] = all - scheduledHours(without, queue);
  }
  return result;
}
