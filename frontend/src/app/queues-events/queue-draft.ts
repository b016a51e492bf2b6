import type { CreateQueueRequest, QueueDto, QueueKind } from '@peakplan/contracts';

/** What the queue form edits; the service target as a percentage, as planners say it. */
export interface QueueDraft {
  name: string;
  kind: QueueKind;
  serviceLevelPercent: number;
  targetSeconds: number;
  ahtSeconds: number;
  /** Empty: abandonment not modelled. */
  patienceSeconds: number | null;
  concurrency: number;
  intervalMinutes: 15 | 30 | 60;
  /** A repeat contact: the customer contacted within this many days before. */
  repeatWindowDays: number;
}

export const EMPTY_QUEUE_DRAFT: QueueDraft = {
  name: '',
  kind: 'live',
  serviceLevelPercent: 80,
  targetSeconds: 20,
  ahtSeconds: 300,
  patienceSeconds: null,
  concurrency: 1,
  intervalMinutes: 15,
  repeatWindowDays: 7,
};

export function queueToDraft(queue: QueueDto): QueueDraft {
  return {
    name: queue.name,
    kind: queue.kind,
    // 0.8 → 80 without 80.00000000000001.
    serviceLevelPercent: Math.round(queue.serviceLevelTarget * 1000) / 10,
    targetSeconds: queue.targetSeconds,
    ahtSeconds: queue.ahtSeconds,
    patienceSeconds: queue.patienceSeconds,
    concurrency: queue.concurrency,
    intervalMinutes:
      queue.intervalMinutes === 30 || queue.intervalMinutes === 60 ? queue.intervalMinutes : 15,
    repeatWindowDays: queue.repeatWindowDays,
  };
}

export function queueDraftToRequest(draft: QueueDraft): CreateQueueRequest {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    serviceLevelTarget: Math.round(draft.serviceLevelPercent * 10) / 1000,
    targetSeconds: draft.targetSeconds,
    ahtSeconds: draft.ahtSeconds,
    patienceSeconds: draft.patienceSeconds,
    concurrency: draft.concurrency,
    intervalMinutes: draft.intervalMinutes,
    repeatWindowDays: draft.repeatWindowDays,
  };
}

/** The first thing wrong with the draft, in a sentence, or null. */
export function queueDraftProblem(draft: QueueDraft): string | null {
  if (draft.name.trim() === '') return 'Give the queue a name.';
  if (!(draft.serviceLevelPercent >= 1 && draft.serviceLevelPercent <= 99))
    return 'Service level target must be between 1% and 99%.';
  if (!Number.isInteger(draft.targetSeconds) || draft.targetSeconds < 1)
    return 'Target time must be a whole number of seconds, at least 1.';
  if (!(draft.ahtSeconds >= 1 && draft.ahtSeconds <= 86_400))
    return 'AHT must be between 1 and 86,400 seconds.';
  if (draft.patienceSeconds !== null && !(draft.patienceSeconds >= 1 && draft.patienceSeconds <= 86_400))
    return 'Patience must be between 1 and 86,400 seconds, or empty.';
  if (!Number.isInteger(draft.concurrency) || draft.concurrency < 1 || draft.concurrency > 10)
    return 'Concurrency must be a whole number from 1 to 10.';
  if (!Number.isInteger(draft.repeatWindowDays) || draft.repeatWindowDays < 1 || draft.repeatWindowDays > 90)
    return 'Repeat window must be a whole number of days from 1 to 90.';
  return null;
}
