/* The interval grid of a set of local days, and the contact history put onto it. Pure. */
import { DateTime } from 'luxon';

export interface IntervalGrid {
  /** Interval starts as epoch milliseconds, in time order. */
  startMs: number[];
  /** The same starts as local ISO with offset, e.g. `2026-02-14T10:00:00+01:00`. */
  starts: string[];
  localDates: string[];
}

/**
 * Every interval of the given local days, stepped in absolute time from local midnight to the next,
 * so that daylight-saving days get 92 or 100 quarter-hours (never assume 96).
 */
export function intervalGrid(
  dates: readonly string[],
  intervalMinutes: number,
  timeZone: string,
): IntervalGrid {
  if (!(Number.isInteger(intervalMinutes) && intervalMinutes > 0 && 1440 % intervalMinutes === 0))
    throw new RangeError(`intervalMinutes must divide a day, got ${intervalMinutes}`);
  const grid: IntervalGrid = { startMs: [], starts: [], localDates: [] };
  for (const date of [...dates].sort()) {
    const midnight = DateTime.fromISO(date, { zone: timeZone });
    if (!midnight.isValid) throw new RangeError(`dates: "${date}" is not a date in ${timeZone}`);
    const end = midnight.plus({ days: 1 }).toMillis();
    for (let ms = midnight.toMillis(); ms < end; ms += intervalMinutes * 60_000) {
      grid.startMs.push(ms);
      grid.starts.push(DateTime.fromMillis(ms, { zone: timeZone }).toISO({ suppressMilliseconds: true })!);
      grid.localDates.push(date);
    }
  }
  return grid;
}

/** One history interval, summed over contact reasons. */
export interface ActualRow {
  startMs: number;
  offered: number;
  /** Σ abandoned where the history gives it, null when no row does. */
  abandoned: number | null;
  /** Σ AHT × weight and Σ weight over the rows with an AHT (weight: handled, else offered). */
  ahtWeighted: number;
  ahtWeight: number;
}

export interface ActualsOnGrid {
  offered: number[];
  abandoned: (number | null)[];
  /** Weighted actual AHT, null where no row gave one. */
  ahtSeconds: (number | null)[];
  /** Rows before the first interval or after the last, not counted. */
  outside: number;
}

/**
 * Puts history rows (15, 30 or 60 minutes) onto a grid of equal or longer intervals: each row goes
 * to the interval it starts in. Rows must be in time order.
 */
export function actualsOnGrid(
  grid: IntervalGrid,
  rows: readonly ActualRow[],
  intervalMinutes: number,
): ActualsOnGrid {
  const n = grid.startMs.length;
  const offered = new Array<number>(n).fill(0);
  const abandoned = new Array<number | null>(n).fill(null);
  const weighted = new Array<number>(n).fill(0);
  const weight = new Array<number>(n).fill(0);
  let outside = 0;
  let slot = 0;
  const length = intervalMinutes * 60_000;
  for (const row of rows) {
    while (slot + 1 < n && grid.startMs[slot + 1] <= row.startMs) slot++;
    if (n === 0 || row.startMs < grid.startMs[slot] || row.startMs >= grid.startMs[slot] + length) {
      outside++;
      continue;
    }
    offered[slot] += row.offered;
    if (row.abandoned !== null) abandoned[slot] = (abandoned[slot] ?? 0) + row.abandoned;
    weighted[slot] += row.ahtWeighted;
    weight[slot] += row.ahtWeight;
  }
  return {
    offered,
    abandoned,
    ahtSeconds: weight.map((total, i) => (total > 0 ? weighted[i] / total : null)),
    outside,
  };
}
