/* Core staff per interval: uploaded values where there are any, the weekly patterns elsewhere. */
import type { CoreStaffPatternInput, ScenarioQueueInput } from './scenario-types';

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The patterns that apply to a queue: those naming it (by name or id) and those naming none. */
export function patternsOf(
  queue: Pick<ScenarioQueueInput, 'name' | 'queueId'>,
  patterns: readonly CoreStaffPatternInput[],
): CoreStaffPatternInput[] {
  return patterns.filter(
    (pattern) =>
      pattern.queue === undefined || pattern.queue === queue.name || pattern.queue === queue.queueId,
  );
}

/**
 * Core staff present for a queue in each interval: the uploaded value where there is one, elsewhere the
 * weekly patterns (summed where they overlap).
 * @example
 * // a queue with intervals on Friday 09:00 and 09:30 (weekdays [5, 5], localMinutes [540, 570])
 * coreColumn(queue, [{ weekdays: [5], from: '09:00', to: '09:30', agents: 4 }]); // → Int32Array [4, 0]
 */
export function coreColumn(
  queue: ScenarioQueueInput,
  patterns: readonly CoreStaffPatternInput[],
): Int32Array {
  const core = new Int32Array(queue.p50.length);
  const mine = patternsOf(queue, patterns);
  const uploaded = queue.uploadedCore;
  if (mine.length === 0) {
    if (uploaded) for (let i = 0; i < core.length; i++) if (uploaded[i] > 0) core[i] = uploaded[i];
    return core;
  }
  const ranges = mine.map((pattern) => ({
    weekdays: new Set(pattern.weekdays),
    from: minutesOf(pattern.from),
    to: minutesOf(pattern.to),
    agents: pattern.agents,
  }));
  for (let i = 0; i < core.length; i++) {
    if (uploaded && uploaded[i] >= 0) {
      core[i] = uploaded[i];
      continue;
    }
    const minute = queue.localMinutes[i];
    const weekday = queue.weekdays[i];
    for (const range of ranges)
      if (range.weekdays.has(weekday) && minute >= range.from && minute < range.to) core[i] += range.agents;
  }
  return core;
}

/**
 * Says where uploaded core staff leaves the weekly patterns in charge, when an upload covers only part
 * of the period: whole queues without an upload, and queues with an upload for some intervals only.
 */
export function coreCoverageWarnings(
  queues: readonly ScenarioQueueInput[],
  patterns: readonly CoreStaffPatternInput[],
): string[] {
  const covered = queues.map((queue) => {
    let count = 0;
    const uploaded = queue.uploadedCore;
    if (uploaded) for (let i = 0; i < uploaded.length; i++) if (uploaded[i] >= 0) count++;
    return count;
  });
  const uploadedQueues = covered.filter((count) => count > 0).length;
  if (uploadedQueues === 0) return [];
  const fallback = (queue: ScenarioQueueInput) =>
    patternsOf(queue, patterns).length > 0
      ? 'the weekly pattern'
      : 'the weekly pattern (none for this queue: 0 core staff)';
  const warnings: string[] = [];
  const without = queues.filter((_, index) => covered[index] === 0);
  if (without.length > 0)
    warnings.push(
      `core staff uploaded for ${uploadedQueues} of ${queues.length} queues; ` +
        without.map((queue) => `${queue.name} uses ${fallback(queue)}`).join('; '),
    );
  queues.forEach((queue, index) => {
    const count = covered[index];
    const total = queue.p50.length;
    if (count > 0 && count < total)
      warnings.push(
        `core staff of ${queue.name} uploaded for ${count} of ${total} intervals; the other ${total - count} use ${fallback(queue)}`,
      );
  });
  return warnings;
}
