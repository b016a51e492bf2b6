import { eventPresets, type IsoDate } from '../calendar';
import type { DailyObservation } from '../forecast/daily-history';
import { mulberry32 } from '../forecast/seeded-random';
import { generateSyntheticHistory, type SyntheticHistoryOptions } from '../forecast/synthetic-history';

/* A synthetic phone queue's daily series for the library's own unit tests and benches, with its true
 * peak effects known (tests compare what the model learns with them). Not the demo organisation the
 * product loads: that is demo-history.ts, whose daily sums `demoDailyHistory` gives. */

/**
 * True peak shapes of the synthetic greeting-card shop (multipliers on an ordinary day), NL calendar:
 * Valentine's builds up over 10 days to ×3 the day before; Mother's Day peaks on the Saturday before;
 * Christmas builds up through December, closes on 25–26 Dec and collapses until New Year.
 */
export const SYNTHETIC_PEAK_EFFECTS: Record<string, readonly number[]> = {
  // offsets −10..+1
  valentines: [1.1, 1.15, 1.2, 1.3, 1.45, 1.6, 1.8, 2.1, 2.5, 3.0, 2.2, 1.3],
  // offsets −7..+1
  'mothers-day': [1.2, 1.35, 1.5, 1.7, 1.9, 2.2, 2.6, 1.8, 1.3],
  // offsets −7..+1
  'fathers-day': [1.05, 1.1, 1.1, 1.15, 1.2, 1.3, 1.4, 1.2, 1.05],
  // offsets −3..+4
  'black-friday': [1.05, 1.1, 1.15, 1.5, 1.3, 1.2, 1.35, 1.1],
  // offsets −10..+1
  sinterklaas: [1.2, 1.25, 1.3, 1.35, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.5, 1.0],
  // offsets −21..+7
  christmas: [
    1.3, 1.35, 1.4, 1.45, 1.5, 1.55, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.5, 2.4, 2.2, 1.8,
    1.4, 1, 1, 0.5, 0.55, 0.6, 0.6, 0.7, 0.8,
  ],
};

/** Settings of the synthetic queue `phone-nl`: 4 years from `start`, closed on Sundays, 1 Jan, 25–26 Dec. */
export function syntheticPhoneOptions(
  start: IsoDate = '2022-11-01',
  days = 4 * 365,
): SyntheticHistoryOptions {
  return {
    start,
    days,
    level: 600,
    growth: 0.08,
    weekdayFactors: [0, 1.25, 1.1, 1.0, 1.0, 0.95, 0.55],
    yearlyAmplitude: 0.1,
    events: eventPresets('NL'),
    effects: SYNTHETIC_PEAK_EFFECTS,
    closedDates: ['01-01', '12-25', '12-26'],
    noise: 0.08,
    peakVariation: 0.15,
    outages: 3,
  };
}

/** The seeded synthetic series (same seed, same numbers, on every machine). */
export function syntheticPhoneHistory(seed = 20261124, start?: IsoDate, days?: number): DailyObservation[] {
  return generateSyntheticHistory(syntheticPhoneOptions(start, days), mulberry32(seed));
}
