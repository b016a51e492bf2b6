/* What every chart of the dashboard shares: the chart.js parts each draws, the base options and the
 * look of titles, axis titles and the legend. A chart names only the parts it uses beyond these, so
 * the bundle carries no unused controllers or scales. */
import { CategoryScale, Chart, type ChartComponentLike, Legend, LinearScale, Title, Tooltip } from 'chart.js';

import { PALETTE } from './chart-palette';

/** Registers the parts every chart uses (category and linear axes, title, tooltip, legend) and `parts`. */
export function registerChartParts(...parts: ChartComponentLike[]): void {
  Chart.register(CategoryScale, LinearScale, Title, Tooltip, Legend, ...parts);
}

/** Sized by its frame, drawn at once (no animation), one tooltip for all series at the hovered x. */
export const BASE_CHART_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
} as const;

/** The chart's title, above the plot on the left. */
export function chartTitle(text: string) {
  return {
    display: true,
    text,
    color: PALETTE.title,
    font: { size: 15, weight: 'bold' },
    align: 'start',
  } as const;
}

/** An axis title (name and unit). */
export function axisTitle(text: string) {
  return { display: true, text, color: PALETTE.text } as const;
}

/** The legend, top right. */
export const LEGEND_POSITION = { position: 'top', align: 'end' } as const;
