import type { ScenarioIntervalDto } from '@peakplan/contracts';

/** The per-interval figures the heatmap can show, in agents. */
export type HeatmapMetric = 'required' | 'scheduled' | 'core' | 'poolGap';

export const HEATMAP_METRICS: { metric: HeatmapMetric; label: string }[] = [
  { metric: 'poolGap', label: 'Pool gap' },
  { metric: 'required', label: 'Required (productive)' },
  { metric: 'scheduled', label: 'Scheduled' },
  { metric: 'core', label: 'Core staff' },
];

export interface HeatmapCell {
  /** Row (day) and column (time of day) in the grid. */
  row: number;
  column: number;
  date: string;
  clock: string;
  /** The shown metric; the others go in the cell's title. */
  value: number;
  required: number;
  scheduled: number;
  core: number;
  poolGap: number;
}

export interface HeatmapData {
  title: string;
  metric: HeatmapMetric;
  metricLabel: string;
  /** Local dates, one row each. */
  dates: string[];
  /** Local `HH:MM` interval starts, one column each (a clock-change day leaves one empty or has one more). */
  clocks: string[];
  cells: HeatmapCell[];
  max: number;
}

/**
 * Days × times of day of a scenario's intervals, summed over the chosen queues (null = all). The day
 * and clock come from the interval's start as written (the organisation's local time with offset), so
 * no time-zone arithmetic happens in the browser.
 */
export function toHeatmapData(
  intervals: readonly ScenarioIntervalDto[],
  metric: HeatmapMetric,
  queue: string | null,
): HeatmapData {
  // Runs on every recompute over thousands of intervals: one key per interval, no copies of cells.
  const sums = new Map<string, HeatmapCell>();
  for (const interval of intervals) {
    if (queue !== null && interval.queue !== queue) continue;
    const key = interval.start.slice(0, 16);
    let cell = sums.get(key);
    if (cell === undefined) {
      cell = {
        row: 0,
        column: 0,
        date: key.slice(0, 10),
        clock: key.slice(11, 16),
        value: 0,
        required: 0,
        scheduled: 0,
        core: 0,
        poolGap: 0,
      };
      sums.set(key, cell);
    }
    cell.required += interval.required;
    cell.scheduled += interval.scheduled;
    cell.core += interval.core;
    cell.poolGap += interval.poolGap;
  }
  const cells = [...sums.values()];
  const dates = [...new Set(cells.map((cell) => cell.date))].sort();
  const clocks = [...new Set(cells.map((cell) => cell.clock))].sort();
  const rowOf = new Map(dates.map((date, index) => [date, index]));
  const columnOf = new Map(clocks.map((clock, index) => [clock, index]));
  let max = 0;
  for (const cell of cells) {
    cell.row = rowOf.get(cell.date)!;
    cell.column = columnOf.get(cell.clock)!;
    cell.value = cell[metric];
    if (cell.value > max) max = cell.value;
  }
  const metricLabel = HEATMAP_METRICS.find((candidate) => candidate.metric === metric)!.label;
  return {
    title: `${metricLabel} in agents per interval${queue === null ? ', all queues' : `, ${queue}`}`,
    metric,
    metricLabel,
    dates,
    clocks,
    cells,
    max,
  };
}

/**
 * Viridis (van der Walt & Smith, matplotlib 2015): sequential, even in lightness, and read alike with
 * every common colour-vision deficiency. Light (few agents) to dark (many); 0 is a neutral grey.
 */
const VIRIDIS_LIGHT_TO_DARK = ['#fde725', '#a0da39', '#4ac16d', '#1fa187', '#277f8e', '#365c8d', '#46327e'];
export const ZERO_COLOUR = '#eef2f6';

export interface HeatmapBin {
  /** Lowest and highest whole agents in the bin. */
  from: number;
  to: number;
  colour: string;
}

/** Whole-agent bins from 0 to `max`: 0 alone, then up to seven equal steps of viridis. */
export function heatmapBins(max: number): HeatmapBin[] {
  const bins: HeatmapBin[] = [{ from: 0, to: 0, colour: ZERO_COLOUR }];
  if (max <= 0) return bins;
  const width = Math.ceil(max / Math.min(VIRIDIS_LIGHT_TO_DARK.length, Math.ceil(max)));
  const steps = Math.ceil(max / width);
  const last = VIRIDIS_LIGHT_TO_DARK.length - 1;
  for (let step = 0; step < steps; step++) {
    const colour = VIRIDIS_LIGHT_TO_DARK[steps === 1 ? last : Math.round((step * last) / (steps - 1))];
    bins.push({ from: step * width + 1, to: Math.min(max, (step + 1) * width), colour });
  }
  return bins;
}

export function binColour(value: number, bins: readonly HeatmapBin[]): string {
  for (const bin of bins) if (value <= bin.to) return bin.colour;
  return bins[bins.length - 1].colour;
}
