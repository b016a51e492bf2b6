/**
 * Zoom of the daily history chart: the whole range, or a year, a week or a day of it, ending at an
 * anchor day the planner moves back and forth. Windows are index ranges into the chart's dates (inclusive).
 * Pure, so its spec runs under plain jest.
 */

export type HistoryZoomLevel = 'all' | 'year' | 'week' | 'day';

export const ZOOM_DAYS: Record<Exclude<HistoryZoomLevel, 'all'>, number> = { year: 365, week: 7, day: 1 };

export interface HistoryZoom {
  level: HistoryZoomLevel;
  /** Index of the window's last day; null: the last day of the range. */
  end: number | null;
}

export interface ZoomWindow {
  min: number;
  max: number;
}

/** The visible index range for `dayCount` days; null shows everything. */
export function zoomWindow(zoom: HistoryZoom, dayCount: number): ZoomWindow | null {
  if (zoom.level === 'all' || dayCount === 0) return null;
  const span = Math.min(ZOOM_DAYS[zoom.level], dayCount);
  const max = Math.min(dayCount - 1, Math.max(span - 1, zoom.end ?? dayCount - 1));
  return { min: max - span + 1, max };
}

/** The zoom moved a whole window earlier (`-1`) or later (`+1`), kept inside the range. */
export function panZoom(zoom: HistoryZoom, direction: -1 | 1, dayCount: number): HistoryZoom {
  const window = zoomWindow(zoom, dayCount);
  if (!window) return zoom;
  const span = window.max - window.min + 1;
  return { ...zoom, end: Math.min(dayCount - 1, Math.max(span - 1, window.max + direction * span)) };
}
