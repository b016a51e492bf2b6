import { assertFinite, assertPositive } from './validate';
import { contactsPerAgentInterval, workloadAgents, WorkloadSettings } from './workload';

/** A deferred queue: work may wait up to `responseSeconds` (e.g. 24 h for email). */
export interface DeferredQueueSettings extends WorkloadSettings {
  /** Contacts must be handled within this many seconds of arriving (≥ one interval). */
  responseSeconds: number;
  /** Share of contacts that must meet the response time, in (0, 1] (default 1: every contact; e.g. 0.95). */
  targetShare?: number;
  /**
   * Intervals in which nobody works (the queue's closed days): work waits for the next open interval, and
   * contacts whose whole response window is closed are late whatever the staff (counted in `late`).
   */
  closed?: ArrayLike<boolean>;
}

/** Staff per interval for a deferred queue, with the backlog it leaves and the workload view. */
export interface DeferredStaffing {
  /** The least staff level that, never exceeded, clears the target share of contacts before their deadline. */
  peakAgents: number;
  /** Staff working in each interval (whole agents; at most `peakAgents`, fewer when the backlog is small). */
  agents: Int32Array;
  /** Contacts still waiting at the end of each interval. */
  backlog: Float64Array;
  /** Simple workload view per interval (unrounded), for comparison. */
  workloadAgents: Float64Array;
  /** Contacts left at the end of the horizon (their deadlines lie beyond it). */
  unfinishedAtEnd: number;
  /** Contacts answered after their deadline (0 unless `targetShare` < 1). */
  late: number;
  totals: { agentHours: number; workloadAgentHours: number };
}

const EPSILON = 1e-9;

/**
 * Least staff for a deferred queue when work may be moved later, up to its deadline.
 * Contacts of interval t count as arriving at its start, so they are due by the end of interval
 * `t + ⌊response / interval⌋ − 1`. All contacts share one response time, so first-in-first-out is
 * earliest-deadline-first, which is optimal for meeting deadlines (Jackson 1955); the least peak
 * level is found by bisection over whole agents, each tried by an O(n) FIFO simulation. The
 * plan then works first-in-first-out at that level, staffing only what the backlog needs.
 *
 * @example
 * deferredStaffing([12, 0, 0, 0], { intervalMinutes: 60, ahtSeconds: 3600, responseSeconds: 4 * 3600 });
 * // peakAgents 3, agents [3, 3, 3, 3], backlog [9, 6, 3, 0]
 */
export function deferredStaffing(
  volumes: ArrayLike<number>,
  settings: DeferredQueueSettings,
): DeferredStaffing {
  const perAgent = contactsPerAgentInterval(settings);
  const workload = workloadAgents(volumes, settings);
  assertPositive(settings.responseSeconds, 'responseSeconds');
  const targetShare = settings.targetShare ?? 1;
  assertFinite(targetShare, 'targetShare');
  if (!(targetShare > 0 && targetShare <= 1))
    throw new RangeError(`targetShare must be in (0, 1], got ${targetShare}`);
  let totalVolume = 0;
  for (let i = 0; i < volumes.length; i++) totalVolume += volumes[i];
  const allowedLate = (1 - targetShare) * totalVolume + EPSILON;
  const window = Math.floor(settings.responseSeconds / (settings.intervalMinutes * 60) + EPSILON);
  if (window < 1)
    throw new RangeError(`responseSeconds must be at least one interval, got ${settings.responseSeconds}`);
  const closed = settings.closed;
  if (closed !== undefined && closed.length !== volumes.length)
    throw new RangeError(`closed must have ${volumes.length} entries, got ${closed.length}`);
  let low = 0; // infeasible unless there is no work
  let high = 0;
  for (let i = 0; i < volumes.length; i++) high = Math.max(high, Math.ceil(volumes[i] / perAgent - EPSILON));
  // With closed intervals one open interval may have to clear all the work; and what no staff level can
  // finish in time (a window that is closed throughout) is late at any level.
  let allowed = allowedLate;
  if (closed) {
    high = Math.max(high, Math.ceil(totalVolume / perAgent - EPSILON));
    allowed = Math.max(allowedLate, simulate(volumes, perAgent, window, high, closed).late + EPSILON);
  }
  if (high === 0 || simulate(volumes, perAgent, window, 0, closed).late <= allowed)
    return build(volumes, perAgent, window, 0, workload, settings);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (simulate(volumes, perAgent, window, middle, closed).late <= allowed) high = middle;
    else low = middle;
  }
  return build(volumes, perAgent, window, high, workload, settings);
}

function build(
  volumes: ArrayLike<number>,
  perAgent: number,
  window: number,
  peak: number,
  workload: Float64Array,
  settings: DeferredQueueSettings,
): DeferredStaffing {
  const run = simulate(volumes, perAgent, window, peak, settings.closed);
  const hours = settings.intervalMinutes / 60;
  let agentHours = 0;
  let workloadAgentHours = 0;
  for (let i = 0; i < volumes.length; i++) {
    agentHours += run.agents[i] * hours;
    workloadAgentHours += workload[i] * hours;
  }
  return {
    peakAgents: peak,
    agents: run.agents,
    backlog: run.backlog,
    workloadAgents: workload,
    unfinishedAtEnd: run.backlog.length ? run.backlog[run.backlog.length - 1] : 0,
    late: run.late,
    totals: { agentHours, workloadAgentHours },
  };
}

/** First-in-first-out with at most `level` agents; counts the contacts still waiting at their deadline. */
function simulate(
  volumes: ArrayLike<number>,
  perAgent: number,
  window: number,
  level: number,
  closed?: ArrayLike<boolean>,
) {
  const n = volumes.length;
  const remaining = new Float64Array(n);
  const agents = new Int32Array(n);
  const backlog = new Float64Array(n);
  let oldest = 0;
  let waiting = 0;
  let late = 0;
  let checked = -1; // last cohort whose deadline has been checked
  for (let t = 0; t < n; t++) {
    assertFinite(volumes[t], `volumes[${t}]`, 0);
    remaining[t] = volumes[t];
    waiting += volumes[t];
    const used = closed?.[t] ? 0 : Math.min(level, Math.ceil(waiting / perAgent - EPSILON));
    agents[t] = used;
    let capacity = used * perAgent;
    while (capacity > EPSILON && oldest <= t) {
      const done = Math.min(capacity, remaining[oldest]);
      remaining[oldest] -= done;
      waiting -= done;
      capacity -= done;
      if (remaining[oldest] <= EPSILON) oldest++;
    }
    if (waiting < EPSILON) waiting = 0;
    backlog[t] = waiting;
    // Cohorts due at the end of this interval: what is left of them is late (and still worked later).
    const due = t - window + 1;
    if (due > checked && due >= 0) {
      for (let cohort = Math.max(checked + 1, oldest); cohort <= due; cohort++) late += remaining[cohort];
      checked = due;
    }
  }
  return { late, agents, backlog };
}
