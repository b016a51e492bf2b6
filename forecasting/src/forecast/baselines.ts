import type { DenseDailySeries } from './daily-history';
import type { EventWindowIndex } from './event-window-index';

function observedAt(series: DenseDailySeries, dayNumber: number): number {
  const i = dayNumber - series.startDay;
  return i >= 0 && i < series.values.length ? series.values[i] : Number.NaN;
}

/**
 * Seasonal naive, "same weekday last year": y(d − 364), or y(d − 728) when last year is a gap or
 * not yet known at the forecast origin (day number, exclusive). NaN when neither is available.
 * @example with y(2025-02-15) = 900, the forecast for 2026-02-14 (364 days later, a Saturday) is 900.
 */
export function seasonalNaive(series: DenseDailySeries, origin: number, dayNumber: number): number {
  for (let lag = 364; lag <= 728; lag += 364) {
    const source = dayNumber - lag;
    if (source >= origin) continue;
    const value = observedAt(series, source);
    if (!Number.isNaN(value)) return value;
  }
  return Number.NaN;
}

/**
 * Year-on-year level ratio at an origin: Σ y over the `window` days before the origin divided by Σ y
 * over the same days 364 days earlier (days observed in both). NaN when there is no such pair.
 */
export function yearOnYearRatio(series: DenseDailySeries, origin: number, window = 28): number {
  let recent = 0;
  let lastYear = 0;
  for (let day = origin - window; day < origin; day++) {
    const now = observedAt(series, day);
    const before = observedAt(series, day - 364);
    if (Number.isNaN(now) || Number.isNaN(before)) continue;
    recent += now;
    lastYear += before;
  }
  return lastYear > 0 ? recent / lastYear : Number.NaN;
}

/**
 * "Last year's event uplift on the recent level": the value at the same point of last year's
 * occurrence of the event owning the day (a moving event such as Mother's Day is aligned on its own
 * date, rounded to whole weeks to keep the weekday), scaled by {@link yearOnYearRatio}; outside
 * windows, same weekday last year scaled the same way. Falls back one more year over a gap.
 */
export function eventUpliftBaseline(
  series: DenseDailySeries,
  origin: number,
  dayNumber: number,
  ratio: number,
  index: EventWindowIndex,
): number {
  if (Number.isNaN(ratio)) return Number.NaN;
  const lag = index.yearLagAt(dayNumber);
  for (const source of [dayNumber - lag, dayNumber - lag - 364]) {
    if (source >= origin) continue;
    const value = observedAt(series, source);
    if (!Number.isNaN(value)) return value * ratio;
  }
  return Number.NaN;
}
