import type { HeatmapCell, HeatmapData } from './heatmap-data';

/** Where the grid sits on the heatmap's canvas, in CSS pixels: day labels on the left, times on top. */
export const HEATMAP_LAYOUT = { cellWidth: 9, cellHeight: 14, left: 92, top: 30 } as const;

/** The canvas size for a grid of `dates` rows and `clocks` columns. */
export function heatmapSize(data: Pick<HeatmapData, 'dates' | 'clocks'>): { width: number; height: number } {
  const { cellWidth, cellHeight, left, top } = HEATMAP_LAYOUT;
  return {
    width: left + data.clocks.length * cellWidth + 4,
    height: top + data.dates.length * cellHeight + 2,
  };
}

/** Index of the cell at each grid position (`row × columns + column`), −1 where the day has no such interval. */
export function heatmapGrid(data: Pick<HeatmapData, 'dates' | 'clocks' | 'cells'>): Int32Array {
  const grid = new Int32Array(data.dates.length * data.clocks.length).fill(-1);
  data.cells.forEach((cell, index) => (grid[cell.row * data.clocks.length + cell.column] = index));
  return grid;
}

/** The grid position under a point of the canvas (CSS pixels), or null outside the grid. */
export function gridPositionAt(
  data: Pick<HeatmapData, 'dates' | 'clocks'>,
  x: number,
  y: number,
): { row: number; column: number } | null {
  const { cellWidth, cellHeight, left, top } = HEATMAP_LAYOUT;
  const column = Math.floor((x - left) / cellWidth);
  const row = Math.floor((y - top) / cellHeight);
  if (x < left || y < top || column >= data.clocks.length || row >= data.dates.length) return null;
  return { row, column };
}

/** What the tooltip (and a screen reader, key by key) says of one cell. */
export function describeCell(
  cell: HeatmapCell,
  metricLabel: string,
  dayLabel: string,
  number: (value: number) => string,
): string {
  return (
    `${dayLabel} ${cell.clock}: ${metricLabel.toLowerCase()} ${number(cell.value)} agents ` +
    `(required ${number(cell.required)}, scheduled ${number(cell.scheduled)}, ` +
    `core ${number(cell.core)}, pool gap ${number(cell.poolGap)})`
  );
}

export interface HeatmapDaySummary {
  date: string;
  /** The day's highest value and the first time of day it is reached. */
  highest: number;
  highestAt: string;
  /** Intervals of the day with more than 0 agents. */
  intervalsAboveZero: number;
  intervals: number;
}

/** One line per day, for the table that stands in for the picture. */
export function daySummaries(data: Pick<HeatmapData, 'dates' | 'cells'>): HeatmapDaySummary[] {
  const days: HeatmapDaySummary[] = data.dates.map((date) => ({
    date,
    highest: 0,
    highestAt: '',
    intervalsAboveZero: 0,
    intervals: 0,
  }));
  for (const cell of data.cells) {
    const day = days[cell.row];
    day.intervals++;
    if (cell.value > 0) day.intervalsAboveZero++;
    if (
      day.highestAt === '' ||
      cell.value > day.highest ||
      (cell.value === day.highest && cell.clock < day.highestAt)
    ) {
      day.highest = cell.value;
      day.highestAt = cell.clock;
    }
  }
  return days;
}

/** The `count` highest cells, highest first (earlier in the data first among equals). */
export function highestCells(cells: readonly HeatmapCell[], count: number): HeatmapCell[] {
  const top: HeatmapCell[] = [];
  for (const cell of cells) {
    if (top.length === count && cell.value <= top[count - 1].value) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].value < cell.value) at--;
    top.splice(at, 0, cell);
    if (top.length > count) top.pop();
  }
  return top;
}
