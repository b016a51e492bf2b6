/** A live queue (phone or chat) in one interval, or the shared settings of many intervals. */
export interface LiveQueueSettings {
  /** Interval length in minutes (15, 30 or 60). */
  intervalMinutes: number;
  /** Average handle time in seconds; for chat, the time one session takes (see `concurrency`). */
  ahtSeconds: number;
  /** Answer-time target of the service level, seconds (e.g. 20). */
  targetSeconds: number;
  /** Service-level target in (0, 1), e.g. 0.8 for 80% within `targetSeconds`. */
  serviceLevel: number;
  /** Mean patience in seconds: switches to Erlang A (abandonment). Absent: Erlang C. */
  patienceSeconds?: number;
  /** Chat sessions one agent handles at once (≥ 1, default 1); see `staffInterval`. */
  concurrency?: number;
  /**
   * Maximum occupancy in (0, 1] (default 1: no cap). Erlang C caps `load / agents`; Erlang A caps the
   * carried load `load·(1 − P(abandon)) / agents`, since abandoned contacts take no agent time.
   */
  maxOccupancy?: number;
  /** Shrinkage in [0, 1) (default 0). */
  shrinkage?: number;
  /** Highest agent count searched before the target is declared impossible (default 100,000). */
  maxAgents?: number;
}

/** One interval to staff: the queue settings plus the contacts offered in it. */
export interface LiveQueueInterval extends LiveQueueSettings {
  /** Contacts offered in the interval (may be fractional: a forecast). */
  contacts: number;
}

/** Which queueing model produced a result. */
export type StaffingModel = 'erlang-c' | 'erlang-a';

/** The staffing of one interval. */
export interface IntervalStaffing {
  /** Productive agents (on the phone / in chat): the least whole number meeting every target. */
  agents: number;
  /** Agents to schedule: `ceil(agents / (1 − shrinkage))`. */
  scheduled: number;
  /**
   * Unrounded productive requirement: the service level interpolated linearly between
   * `agents − 1` and `agents` hits the target here (or `load / maxOccupancy`, if higher).
   */
  fractionalAgents: number;
  /** `fractionalAgents / (1 − shrinkage)`, to be summed over a day for shift planning. */
  fractionalScheduled: number;
  /** Offered load in Erlangs (after dividing AHT by the chat concurrency). */
  load: number;
  /** Achieved service level with `agents` (Erlang A: abandoned contacts in the denominator). */
  serviceLevel: number;
  /** Average speed of answer over all offered contacts, seconds. */
  asa: number;
  occupancy: number;
  probabilityOfWaiting: number;
  /** Probability of abandoning (Erlang A), or null for Erlang C. */
  abandonment: number | null;
  model: StaffingModel;
}
