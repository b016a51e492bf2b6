/* A queue's interval history as five newline-joined text columns, the way PostgreSQL's string_agg
 * hands it over. ~100,000 row objects parsed on the service's event loop (and copied again into the
 * worker) held it for 100–350 ms at a time; five strings cost a few milliseconds, and the worker,
 * not the service, turns them into the engine's IntervalObservation objects. */
import type { IntervalObservation } from '@peakplan/forecasting';

export interface PackedIntervals {
  /** ISO start instants as Date#toISOString writes them. */
  starts: string;
  /** Epoch milliseconds of the starts. */
  startMs: string;
  localDates: string;
  /** Minutes after local midnight (wall clock). */
  localMinutes: string;
  offered: string;
}

const SEPARATOR = '\n';

/** The engine's interval observations, one per packed line. */
export function unpackIntervals(packed: PackedIntervals): IntervalObservation[] {
  if (packed.starts === '') return [];
  const starts = packed.starts.split(SEPARATOR);
  const startMs = packed.startMs.split(SEPARATOR);
  const localDates = packed.localDates.split(SEPARATOR);
  const localMinutes = packed.localMinutes.split(SEPARATOR);
  const offered = packed.offered.split(SEPARATOR);
  if ([startMs, localDates, localMinutes, offered].some((column) => column.length !== starts.length))
    throw new RangeError('packed intervals: columns of different lengths');
  return starts.map((start, index) => ({
    start,
    startMs: Number(startMs[index]),
    localDate: localDates[index],
    localMinute: Number(localMinutes[index]),
    offered: Number(offered[index]),
  }));
}

/** The inverse of unpackIntervals (for the engine's own callers and tests). */
export function packIntervals(intervals: readonly IntervalObservation[]): PackedIntervals {
  const column = (value: (slot: IntervalObservation) => string | number) =>
    intervals.map(value).join(SEPARATOR);
  return {
    starts: column((slot) => slot.start),
    startMs: column((slot) => slot.startMs),
    localDates: column((slot) => slot.localDate),
    localMinutes: column((slot) => slot.localMinute),
    offered: column((slot) => slot.offered),
  };
}
