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
  /** When the queue was retired (ISO instant); null while it is in use. Retired queues keep their history. */
  retiredAt: string | null;
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
}

/** `PATCH /api/queues/:id`: only the fields given change; the interval length cannot. */
export type UpdateQueueRequest = Partial<Omit<CreateQueueRequest, 'intervalMinutes'>>;
