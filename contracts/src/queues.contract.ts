export type QueueKind = 'live' | 'deferred';

export interface QueueDto {
  id: string;
  name: string;
  kind: QueueKind;
  /** Share answered within the target, e.g. 0.8. */
  serviceLevelTarget: number;
  /** Answer time (live, seconds) or response time (deferred, seconds) of the target. */
  targetSeconds: number;
  ahtSeconds: number;
  /** Average patience before abandoning, seconds; null when abandonment is not modelled. */
  patienceSeconds: number | null;
  /** Sessions an agent handles at once (chat); 1 for phone and email. */
  concurrency: number;
  /**
   * Days the queue is closed, as event date rules (`{ kind: 'fixed', month: 12, day: 24 }`,
   * `{ kind: 'easter-offset', days: 1 }`, `{ kind: 'one-off', dates: [...] }`): forecast 0, never staffed.
   */
  closedDays: ClosedDayRule[];
}

/** A date rule in the form of an event rule (see EventDto.rule). */
export type ClosedDayRule = Record<string, unknown> & { kind: string };

/** Body of PUT /api/queues/:id/closed-days: the queue's closed days, replacing the ones before. */
export interface SetQueueClosedDaysRequest {
  closedDays: ClosedDayRule[];
}
