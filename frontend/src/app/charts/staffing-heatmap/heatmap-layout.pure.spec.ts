import { toHeatmapData } from './heatmap-data';
import {
  daySummaries,
  describeCell,
  gridPositionAt,
  HEATMAP_LAYOUT,
  heatmapGrid,
  heatmapSize,
  highestCells,
} from './heatmap-layout';
import { scenarioInterval } from './interval-fixture';

const interval = (start: string, scheduled: number, core: number) =>
  scenarioInterval('phone', start, scheduled, core);

// Two days, three times of day; the second day has no 09:30 interval (a shorter opening).
const data = toHeatmapData(
  [
    interval('2026-02-13T09:00:00+01:00', 5, 5),
    interval('2026-02-13T09:15:00+01:00', 9, 2),
    interval('2026-02-13T09:30:00+01:00', 4, 0),
    interval('2026-02-14T09:00:00+01:00', 10, 3),
    interval('2026-02-14T09:15:00+01:00', 8, 1),
  ],
  'poolGap',
  null,
);

describe('heatmap layout', () => {
  it('sizes the canvas for the grid and finds the cell under a point', () => {
    const { cellWidth, cellHeight, left, top } = HEATMAP_LAYOUT;
    expect(heatmapSize(data)).toEqual({ width: left + 3 * cellWidth + 4, height: top + 2 * cellHeight + 2 });
    expect(gridPositionAt(data, left + 2 * cellWidth + 1, top + 1)).toEqual({ row: 0, column: 2 });
    expect(gridPositionAt(data, left + cellWidth, top + cellHeight)).toEqual({ row: 1, column: 1 });
    // the labels' margin and beyond the last column are outside
    expect(gridPositionAt(data, left - 1, top + 1)).toBeNull();
    expect(gridPositionAt(data, left + 3 * cellWidth, top + 1)).toBeNull();
    const grid = heatmapGrid(data);
    // row 1 (14 Feb) has no 09:30 cell: −1
    expect(Array.from(grid).map((index) => (index < 0 ? null : data.cells[index].value))).toEqual([
      0,
      7,
      4,
      7,
      7,
      null,
    ]);
  });

  it('says per day the highest value, its first time and the intervals above 0', () => {
    expect(daySummaries(data)).toEqual([
      { date: '2026-02-13', highest: 7, highestAt: '09:15', intervalsAboveZero: 2, intervals: 3 },
      { date: '2026-02-14', highest: 7, highestAt: '09:00', intervalsAboveZero: 2, intervals: 2 },
    ]);
  });

  it('keeps the highest cells in order, the earlier first among equals', () => {
    expect(highestCells(data.cells, 3).map((cell) => `${cell.date} ${cell.clock}`)).toEqual([
      '2026-02-13 09:15',
      '2026-02-14 09:00',
      '2026-02-14 09:15',
    ]);
    expect(highestCells([], 3)).toEqual([]);
  });

  it('describes a cell with all its figures', () => {
    expect(describeCell(data.cells[1], data.metricLabel, 'Fri 13 Feb 2026', String)).toBe(
      'Fri 13 Feb 2026 09:15: pool gap 7 agents (required 8, scheduled 9, core 2, pool gap 7)',
    );
  });
});
