import type { Plugin } from 'chart.js';

import type { DailyHistoryChartData, EventMarker } from '../../planning/daily-history-chart-data';
import type { ZoomWindow } from '../../planning/history-zoom';

export const COLORS = {
  offered: '#1d4ed8',
  handled: '#0f766e',
  abandoned: '#b91c1c',
  event: '#c2410c',
  eventLine: 'rgba(194, 65, 12, 0.45)',
  eventText: '#9a3412',
  closedBand: 'rgba(51, 65, 85, 0.14)',
  closedText: '#1e293b',
  grid: 'rgba(15, 23, 42, 0.08)',
  text: '#334155',
};

/** The "Event day" dataset: its legend entry switches the lines, bands and names on and off. */
export const EVENT_DATASET_INDEX = 3;

/** A closed day's label and a plain event's: the names, and what the day was when it has no history. */
export function markerLabel(marker: EventMarker): string {
  const names = marker.names.join(', ');
  if (marker.closed) return `${names} · closed`;
  return marker.offered === null ? `${names} (no history)` : names;
}

/**
 * Draws, while "Event day" is shown, a dashed vertical line through each visible event day and a
 * shaded band over each closed one, and writes the names at the top, readable without hovering; a
 * name that would run into the one before is left to the tooltip (zoom in to read them all).
 */
export function eventDayLines(
  current: () => DailyHistoryChartData | null,
  window: () => ZoomWindow | null,
): Plugin<'line'> {
  return {
    id: 'ppEventDayLines',
    beforeDatasetsDraw(chart) {
      const data = current();
      if (!data || !chart.isDatasetVisible(EVENT_DATASET_INDEX)) return;
      const { ctx, chartArea, scales } = chart;
      const shown = window() ?? { min: 0, max: data.dates.length - 1 };
      const markers = data.eventMarkers.filter(
        (marker) => marker.index >= shown.min && marker.index <= shown.max,
      );
      // Width of one day on the axis (a single visible day takes the whole width).
      const dayWidth =
        shown.max > shown.min ? chartArea.width / (shown.max - shown.min) : chartArea.width / 3;
      ctx.save();
      for (const marker of markers.filter((candidate) => candidate.closed)) {
        const x = scales['x'].getPixelForValue(marker.index);
        const half = Math.max(2, dayWidth / 2);
        ctx.fillStyle = COLORS.closedBand;
        ctx.fillRect(x - half, chartArea.top, half * 2, chartArea.bottom - chartArea.top);
      }
      ctx.strokeStyle = COLORS.eventLine;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      for (const marker of markers) {
        const x = scales['x'].getPixelForValue(marker.index);
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.font = '600 11px system-ui, sans-serif';
      let freeFrom = chartArea.left;
      for (const marker of markers) {
        const x = scales['x'].getPixelForValue(marker.index);
        const label = markerLabel(marker);
        const width = ctx.measureText(label).width;
        const left = Math.min(x + 3, chartArea.right - width);
        if (left < freeFrom) continue;
        ctx.fillStyle = marker.closed ? COLORS.closedText : COLORS.eventText;
        ctx.fillText(label, left, chartArea.top + 11);
        freeFrom = left + width + 8;
      }
      ctx.restore();
    },
  };
}
