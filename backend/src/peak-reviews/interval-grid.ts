/* The contact history put onto an interval grid (the grid itself is the library's `intervalGrid`). Pure. */
import type { IntervalGrid } from '@peakplan/forecasting';

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
