import { addDays, dayOfWeek, type IsoDate } from '../calendar';
import type { SlotCounts } from './interval-baselines';

/** A month-start day: day 1–3 of the month on a Monday–Friday (billing and salary runs land there). */
export function isMonthStart(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return Number(date.slice(8, 10)) <= 3 && weekday >= 1 && weekday <= 5;
}

/** Fewer month-start days than this and the factor stays 1. */
const MINIMUM_MONTH_STARTS = 3;
/** Shrinkage toward 1: with n month-start days the raw excess counts n / (n + 3). */
const PRIOR_DAYS = 3;

function dayTotal(counts: SlotCounts, date: IsoDate): number | undefined {
  const day = counts.get(date);
  return day ? day.reduce((sum, value) => sum + value, 0) : undefined;
}

/**
 * How much busier month-start days are than ordinary days of the same weekday, learned before `origin`:
 * for each month-start day with data, its total against the mean total of the same weekday 1–3 weeks
 * either side (ordinary days before the origin only); raw = Σ month-start totals / Σ their references,
 * shrunk toward 1 as 1 + (raw − 1)·n/(n + 3) for n such days; 1 with fewer than 3.
 * @example three month-start days of 140 against ordinary neighbours of 100: 1 + 0.4 · 3/6 = 1.2
 */
export function monthStartFactor(counts: SlotCounts, origin: IsoDate): number {
  let starts = 0;
  let reference = 0;
  let n = 0;
  for (const [date] of counts) {
    if (date >= origin || !isMonthStart(date)) continue;
    const total = dayTotal(counts, date) as number;
    if (total <= 0) continue;
    const neighbours: number[] = [];
    for (const weeks of [-3, -2, -1, 1, 2, 3]) {
      const other = addDays(date, 7 * weeks);
      const value = other < origin && !isMonthStart(other) ? dayTotal(counts, other) : undefined;
      if (value !== undefined && value > 0) neighbours.push(value);
    }
    if (neighbours.length === 0) continue;
    starts += total;
    reference += neighbours.reduce((sum, value) => sum + value, 0) / neighbours.length;
    n++;
  }
  if (n < MINIMUM_MONTH_STARTS || reference <= 0) return 1;
  return 1 + (starts / reference - 1) * (n / (n + PRIOR_DAYS));
}
