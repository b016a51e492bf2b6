import type { QueueDto } from '@peakplan/contracts';

/** "80% within 20 s" for a live queue, "95% within 24 h" for a deferred one. Pure. */
export function serviceTargetText(queue: Pick<QueueDto, 'serviceLevelTarget' | 'targetSeconds'>): string {
  const share = `${Math.round(queue.serviceLevelTarget * 1000) / 10}%`;
  return `${share} within ${durationText(queue.targetSeconds)}`;
}

export function durationText(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200 && seconds % 3600 !== 0) return `${Math.round(seconds / 60)} min`;
  const hours = seconds / 3600;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
