import type { ContactReasonsReport } from '@peakplan/contracts';

import { PALETTE } from '../charts/chart-palette';

/** Stacked bars of contacts per reason per day around a peak, with the window's first and last bar. */
export interface ReasonBarsData {
  title: string;
  dates: string[];
  /** Index of the window's first and last day in `dates` (−1 when the window is not shown). */
  windowFirst: number;
  windowLast: number;
  series: { reason: string; label: string; color: string; values: number[] }[];
}

/** Okabe–Ito without black (kept for text) and yellow (too light on white), then black for the rest. */
const REASON_COLORS = [
  PALETTE.vermillion,
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.bluishGreen,
  PALETTE.reddishPurple,
  PALETTE.skyBlue,
  PALETTE.yellow,
];

/** How a reason reads on the page: '' is contacts that came without a reason. */
export function reasonLabel(reason: string): string {
  return reason === '' ? '(no reason given)' : reason;
}

/**
 * The report as stacked bars, one series per reason in the ranking's order (the costliest at the
 * bottom of the stack, in the strongest colour); reasons past the seventh share the last colour.
 */
export function reasonBars(report: ContactReasonsReport): ReasonBarsData {
  const ranked = report.reasons.map((row) => row.reason);
  for (const day of report.days)
    for (const reason of Object.keys(day.contacts)) if (!ranked.includes(reason)) ranked.push(reason);
  const dates = report.days.map((day) => day.date);
  return {
    title: `Contacts per reason per day, ${report.queue}, around ${report.eventName} ${report.year}`,
    dates,
    windowFirst: dates.indexOf(report.from),
    windowLast: dates.indexOf(report.to),
    series: ranked.map((reason, index) => ({
      reason,
      label: reasonLabel(reason),
      color: REASON_COLORS[Math.min(index, REASON_COLORS.length - 1)],
      values: report.days.map((day) => day.contacts[reason] ?? 0),
    })),
  };
}
