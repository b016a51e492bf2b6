import {
  eventOccurrences,
  isoDateToDayNumber,
  dayNumberToIsoDate,
  type EventDefinition,
  type IsoDate,
} from '../calendar';
import type { DailyObservation } from './daily-history';
import { standardNormal, type RandomSource } from './seeded-random';

/** Settings of a synthetic daily history with known effects (for tests, fixtures and benchmarks). */
export interface SyntheticHistoryOptions {
  start: IsoDate;
  days: number;
  /** Mean volume of an ordinary Monday–Friday at the start. */
  level: number;
  /** Yearly growth, e.g. 0.08 for +8% a year. */
  growth: number;
  /** Multipliers by weekday, 0 = Sunday (0 = closed). */
  weekdayFactors: readonly number[];
  /** Amplitude of the yearly cycle (multiplicative, peak in January). */
  yearlyAmplitude: number;
  events: readonly EventDefinition[];
  /** True multiplier per event id and offset: `effects[eventId][offset + windowBefore]`. */
  effects: Record<string, readonly number[]>;
  /** Month-days (MM-DD) closed every year. */
  closedDates: readonly string[];
  /** Standard deviation of the log-normal day noise. */
  noise: number;
  /** Standard deviation of the yearly variation of each peak's uplift (relative). */
  peakVariation: number;
  /** Number of outage days (volume cut to 10–30%). */
  outages: number;
}

/**
 * y_t = level · (1 + growth)^(t/365) · weekday · (1 + A·cos(2π·doy/365)) · event effect · e^(σ·z)
 * with each peak's uplift (effect − 1) varied per year by (1 + v·z'). The effect applied on a day is that of
 * the nearest event occurrence (the same overlap rule as the model), so effects can be recovered.
 */
export function generateSyntheticHistory(
  options: SyntheticHistoryOptions,
  random: RandomSource,
): DailyObservation[] {
  const first = isoDateToDayNumber(options.start, 'options.start');
  if (!Number.isInteger(options.days) || options.days < 1)
    throw new RangeError(`options.days must be a positive integer`);
  const lastYear = Number(dayNumberToIsoDate(first + options.days).slice(0, 4));
  const effect = new Map<number, { factor: number; distance: number }>();
  for (const occurrence of eventOccurrences(options.events, Number(options.start.slice(0, 4)), lastYear)) {
    const event = options.events.find((e) => e.id === occurrence.eventId) as EventDefinition;
    const factors = options.effects[event.id];
    if (!factors) continue;
    const variation = 1 + options.peakVariation * standardNormal(random);
    const center = isoDateToDayNumber(occurrence.date);
    for (let offset = -event.windowBefore; offset <= event.windowAfter; offset++) {
      const current = effect.get(center + offset);
      if (current && current.distance <= Math.abs(offset)) continue;
      const factor = factors[offset + event.windowBefore] ?? 1;
      effect.set(center + offset, {
        factor: Math.max(0.05, 1 + (factor - 1) * variation),
        distance: Math.abs(offset),
      });
    }
  }
  if (!Number.isInteger(options.outages) || options.outages < 0 || options.outages > options.days)
    throw new RangeError(`options.outages must be an integer 0..${options.days}, got ${options.outages}`);
  const closed = new Set(options.closedDates);
  const outageDays = new Set<number>();
  while (outageDays.size < options.outages) outageDays.add(first + Math.floor(random() * options.days));
  const rows: DailyObservation[] = [];
  for (let i = 0; i < options.days; i++) {
    const day = first + i;
    const date = dayNumberToIsoDate(day);
    const weekday = (((day + 4) % 7) + 7) % 7;
    const doy = (day - isoDateToDayNumber(`${date.slice(0, 4)}-01-01`)) / 365.25;
    const mean =
      options.level *
      Math.pow(1 + options.growth, i / 365.25) *
      options.weekdayFactors[weekday] *
      (1 + options.yearlyAmplitude * Math.cos(2 * Math.PI * doy)) *
      (effect.get(day)?.factor ?? 1);
    const noisy = mean * Math.exp(options.noise * standardNormal(random));
    const outage = outageDays.has(day) ? 0.1 + 0.2 * random() : 1;
    const offered = closed.has(date.slice(5)) || mean === 0 ? 0 : Math.round(noisy * outage);
    rows.push({ date, offered });
  }
  return rows;
}
