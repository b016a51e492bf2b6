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
}
