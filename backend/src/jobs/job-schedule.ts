import { DateTime } from 'luxon';

/** A job's time on the organisation's wall clock, `HH:mm`. */
export interface LocalSchedule<Job extends string> {
  job: Job;
  at: string;
}

/**
 * How long after its local time a job is still started: covers the hour a spring-forward night skips
 * (02:30 does not exist in Europe/Amsterdam on the last Sunday of March) and a service restarted a
 * little late, without starting the night's work in the middle of the day.
 */
export const CATCH_UP_MINUTES = 180;

/**
 * The jobs due at an instant in a time zone, each with the local date it runs for: due from its
 * local time until {@link CATCH_UP_MINUTES} later. Checked often (every few minutes); the run-once
 * lock (job, local date) keeps a due job from running twice.
 *
 * @example dueJobs(Date.parse('2027-03-28T01:00:00Z'), 'Europe/Amsterdam', [{ job: 'nightly-refit', at: '02:30' }])
 * // → [{ job: 'nightly-refit', date: '2027-03-28' }]: 03:00 local, the first minute after the skipped 02:30
 */
export function dueJobs<Job extends string>(
  now: number,
  timeZone: string,
  schedule: readonly LocalSchedule<Job>[],
): { job: Job; date: string }[] {
  const local = DateTime.fromMillis(now, { zone: timeZone });
  const minuteOfDay = local.hour * 60 + local.minute;
  return schedule
    .filter(({ at }) => {
      const [hour, minute] = at.split(':').map(Number);
      const since = minuteOfDay - (hour * 60 + minute);
      return since >= 0 && since < CATCH_UP_MINUTES;
    })
    .map(({ job }) => ({ job, date: local.toISODate()! }));
}
