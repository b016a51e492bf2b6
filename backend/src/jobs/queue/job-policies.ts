/* Every kind of job, and how the queue treats it: how often a failed attempt is retried, how long the
 * first retry waits (doubling after each, with jitter), and how long an attempt may hold a job before
 * the queue takes it for lost (its instance died) and gives it to another. */

export const JOB_NAMES = [
  'forecast-run',
  'staffing-plan',
  // Registered by the features that own them, see the @RunsOnJobQueue decorator.
  'roster-allocation',
  'outbox-send',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobPolicy {
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; each later one waits about twice as long (pg-boss retryBackoff). */
  retryDelaySeconds: number;
  /**
   * An attempt running longer is taken for lost and retried elsewhere: pg-boss 10 has no heartbeat,
   * so this is both the longest a job may run and how soon a dead instance's job is taken over.
   * null: the service's PEAKPLAN_JOB_TIMEOUT_SECONDS.
   */
  timeoutSeconds: number | null;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  // Seconds of CPU each (up to ~30 s on a busy 2-core machine); a retry recomputes the same run row.
  'forecast-run': { retryLimit: 3, retryDelaySeconds: 5, timeoutSeconds: null },
  // HiGHS stops itself after 30 s per queue; a plan of several queues may take minutes.
  'staffing-plan': { retryLimit: 1, retryDelaySeconds: 5, timeoutSeconds: 900 },
  'roster-allocation': { retryLimit: 3, retryDelaySeconds: 10, timeoutSeconds: 900 },
  // A mail server that is down comes back: retry for about an hour (10 s, 20 s, … 2560 s).
  'outbox-send': { retryLimit: 8, retryDelaySeconds: 10, timeoutSeconds: 300 },
};

/** The policy with the service's default timeout filled in. */
export function policyFor(
  name: JobName,
  defaultTimeoutSeconds: number,
): Required<{ [K in keyof JobPolicy]: number }> {
  const policy = JOB_POLICIES[name];
  return { ...policy, timeoutSeconds: policy.timeoutSeconds ?? defaultTimeoutSeconds };
}
