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
  /** Length of the queue's planning intervals, minutes (15, 30 or 60); fixed once created. */
  intervalMinutes: number;
  /** A repeat contact is one from a customer who contacted within this many days (1 to 90, default 7). */
  repeatWindowDays: number;
  /** When the queue was retired (ISO instant); null while it is in use. Retired queues keep their history. */
  retiredAt: string | null;
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

/** `POST /api/queues`. */
export interface CreateQueueRequest {
  name: string;
  kind: QueueKind;
  serviceLevelTarget: number;
  targetSeconds: number;
  ahtSeconds: number;
  patienceSeconds?: number | null;
  /** Default 1. */
  concurrency?: number;
  /** Default 15. */
  intervalMinutes?: 15 | 30 | 60;
  /** Default 7. */
  repeatWindowDays?: number;
}

/** `PATCH /api/queues/:id`: only the fields given change; the interval length cannot. */
export type UpdateQueueRequest = Partial<Omit<CreateQueueRequest, 'intervalMinutes'>>;
