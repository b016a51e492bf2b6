import type { ScenarioIntervalDto, ScenarioQueueInputDto } from '@peakplan/contracts';

/**
 * A result's intervals as columns of numbers, for the way back from the worker: typed arrays are handed
 * over without copying, where thousands of interval objects had to be copied out and rebuilt on the
 * page's thread (the larger part of its work after a recompute). The queue and the start of each
 * interval are left out: they are the inputs' own, in the same order, and the page has them.
 */
export interface IntervalColumns {
  forecast: Float64Array;
  required: Int32Array;
  scheduled: Int32Array;
  core: Int32Array;
  poolGap: Int32Array;
  /** NaN for null (deferred queues). */
  serviceLevelWithoutPool: Float64Array;
  serviceLevelWithPool: Float64Array;
}

export function toIntervalColumns(intervals: readonly ScenarioIntervalDto[]): IntervalColumns {
  const n = intervals.length;
  const columns: IntervalColumns = {
    forecast: new Float64Array(n),
    required: new Int32Array(n),
    scheduled: new Int32Array(n),
    core: new Int32Array(n),
    poolGap: new Int32Array(n),
    serviceLevelWithoutPool: new Float64Array(n),
    serviceLevelWithPool: new Float64Array(n),
  };
  intervals.forEach((interval, i) => {
    columns.forecast[i] = interval.forecast;
    columns.required[i] = interval.required;
    columns.scheduled[i] = interval.scheduled;
    columns.core[i] = interval.core;
    columns.poolGap[i] = interval.poolGap;
    columns.serviceLevelWithoutPool[i] = interval.serviceLevelWithoutPool ?? NaN;
    columns.serviceLevelWithPool[i] = interval.serviceLevelWithPool ?? NaN;
  });
  return columns;
}

/** The buffers to hand over with `postMessage` (the worker's copies are gone afterwards). */
export function columnBuffers(columns: IntervalColumns): ArrayBuffer[] {
  return Object.values(columns).map((column: Float64Array | Int32Array) => column.buffer as ArrayBuffer);
}

/** The intervals again, each with its queue's name and start from the inputs (queue by queue, in order). */
export function fromIntervalColumns(
  columns: IntervalColumns,
  queues: readonly Pick<ScenarioQueueInputDto, 'name' | 'starts'>[],
): ScenarioIntervalDto[] {
  const intervals: ScenarioIntervalDto[] = [];
  let i = 0;
  for (const queue of queues)
    for (const start of queue.starts) {
      const without = columns.serviceLevelWithoutPool[i];
      const withPool = columns.serviceLevelWithPool[i];
      intervals.push({
        queue: queue.name,
        start,
        forecast: columns.forecast[i],
        required: columns.required[i],
        scheduled: columns.scheduled[i],
        core: columns.core[i],
        poolGap: columns.poolGap[i],
        serviceLevelWithoutPool: Number.isNaN(without) ? null : without,
        serviceLevelWithPool: Number.isNaN(withPool) ? null : withPool,
      });
      i++;
    }
  if (i !== columns.forecast.length)
    throw new RangeError(`the inputs have ${i} intervals, the result ${columns.forecast.length}`);
  return intervals;
}
