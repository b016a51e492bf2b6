/* A queue's interval history as two newline-joined text columns, the way PostgreSQL's string_agg
 * hands it over. ~100,000 row objects parsed on the service's event loop (and copied again into the
 * worker) held it for 100–350 ms at a time; two strings cost a few milliseconds, and the worker,
 * not the service, turns them into the engine's IntervalObservation objects. */
import { ZoneClock, type IntervalObservation } from '@peakplan/forecasting';

export interface PackedIntervals {
  /** Epoch milliseconds of the interval starts, in time order. */
  startMs: string;
  offered: string;
}

const SEPARATOR = '\n';

/**
 * The engine's interval observations, one per packed line: the start as an ISO instant and its local
 * date and minute from the organisation's clock (the instants travel as numbers, the zone with them).
 */
export function unpackIntervals(packed: PackedIntervals, timeZone: string): IntervalObservation[] {
  if (packed.startMs === '') return [];
  const startMs = packed.startMs.split(SEPARATOR).map(Number);
  const offered = packed.offered.split(SEPARATOR);
  if (offered.length !== startMs.length)
    throw new RangeError('packed intervals: columns of different lengths');
  const clock = new ZoneClock(timeZone);
  return startMs.map((ms, index) => {
    const local = clock.local(ms);
    return {
      start: new Date(ms).toISOString(),
      startMs: ms,
      localDate: local.date,
      localMinute: local.minuteOfDay,
      offered: Number(offered[index]),
    };
  });
}

/** The inverse of unpackIntervals (for the engine's own callers and tests). */
export function packIntervals(intervals: readonly IntervalObservation[]): PackedIntervals {
  const column = (value: (slot: IntervalObservation) => string | number) =>
    intervals.map(value).join(SEPARATOR);
  return {
    startMs: column((slot) => slot.startMs),
    offered: column((slot) => slot.offered),
  };
}
