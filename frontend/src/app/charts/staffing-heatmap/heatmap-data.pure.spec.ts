import { binColour, heatmapBins, toHeatmapData, ZERO_COLOUR } from './heatmap-data';
import { scenarioInterval as interval } from './interval-fixture';

const intervals = [
  interval('phone', '2026-02-14T09:00:00+01:00', 20, 6),
  interval('chat', '2026-02-14T09:00:00+01:00', 5, 8),
  interval('phone', '2026-02-13T09:15:00+01:00', 10, 10),
  interval('chat', '2026-02-13T09:15:00+01:00', 4, 0),
];

describe('toHeatmapData', () => {
  it('puts days in rows and local times in columns, summing the queues', () => {
    const data = toHeatmapData(intervals, 'poolGap', null);
    expect(data.dates).toEqual(['2026-02-13', '2026-02-14']);
    expect(data.clocks).toEqual(['09:00', '09:15']);
    // Sat 09:00: phone gap 20 − 6 = 14, chat 0 (core 8 > 5); Fri 09:15: phone 0, chat 4 − 0 = 4.
    expect(data.cells.map((cell) => [cell.date, cell.clock, cell.row, cell.column, cell.value])).toEqual([
      ['2026-02-14', '09:00', 1, 0, 14],
      ['2026-02-13', '09:15', 0, 1, 4],
    ]);
    expect(data.cells[0]).toMatchObject({ required: 19 + 4, scheduled: 25, core: 14 });
    expect(data.max).toBe(14);
    expect(data.title).toBe('Pool gap in agents per interval, all queues');
  });

  it('shows one queue and another metric when asked', () => {
    const data = toHeatmapData(intervals, 'core', 'chat');
    expect(data.cells.map((cell) => cell.value)).toEqual([8, 0]);
    expect(data.title).toBe('Core staff in agents per interval, chat');
  });
});

describe('heatmapBins', () => {
  it('keeps 0 apart and splits 1…max into at most seven whole-agent steps', () => {
    // max 14 → width ⌈14 / 7⌉ = 2: 1–2, 3–4, …, 13–14
    const bins = heatmapBins(14);
    expect(bins.map((bin) => [bin.from, bin.to])).toEqual([
      [0, 0],
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
      [11, 12],
      [13, 14],
    ]);
    expect(binColour(0, bins)).toBe(ZERO_COLOUR);
    expect(binColour(14, bins)).toBe('#46327e'); // the darkest
    expect(binColour(1, bins)).toBe('#fde725'); // the lightest
    // max 3 → three bins of one agent each, spread over light, middle, dark
    expect(heatmapBins(3).map((bin) => bin.colour)).toEqual([ZERO_COLOUR, '#fde725', '#1fa187', '#46327e']);
    // max 15 → width 3, five bins (1–3 … 13–15) that still end on the darkest colour
    expect(heatmapBins(15).at(-1)).toEqual({ from: 13, to: 15, colour: '#46327e' });
    expect(heatmapBins(0)).toEqual([{ from: 0, to: 0, colour: ZERO_COLOUR }]);
  });
});
