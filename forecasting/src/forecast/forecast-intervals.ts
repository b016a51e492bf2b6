import { isoDateToDayNumber } from '../calendar';
import type { DailyForecastDay, FittedDailyModel } from './daily-model';
import { buildIntradayProfiles } from './intraday-profile';
import type { IntervalObservation } from './parse-history-csv';
import { spreadIntraday, type IntervalForecast, type OpeningHours } from './spread-intraday';

const ALL_DAY: OpeningHours = { open: '00:00', close: '24:00' };

/**
 * A queue's daily forecast spread over intervals with profiles learned from its interval history
 * (event days get their own shape where history shows one). With learned profiles the shape decides
 * when the queue is open; without interval history the days are spread flat over the default opening
 * hours, with a warning. The command line and the service both call this, so their numbers agree.
 */
export function forecastIntervals(
  model: FittedDailyModel,
  days: readonly DailyForecastDay[],
  history: readonly IntervalObservation[],
  options: { intervalMinutes: number; timeZone?: string },
): { intervals: IntervalForecast[]; warnings: string[] } {
  const { index } = model.setup;
  const eventOfDay = (date: string) => {
    const feature = index.featureAt(isoDateToDayNumber(date));
    return feature >= 0 ? index.features[feature].eventId : undefined;
  };
  const profiles = history.length > 0 ? buildIntradayProfiles(history, eventOfDay) : undefined;
  const spread = spreadIntraday(days, {
    intervalMinutes: options.intervalMinutes,
    timeZone: options.timeZone,
    profiles,
    openingHours: profiles ? new Array<OpeningHours>(7).fill(ALL_DAY) : undefined,
  });
  const warnings = profiles ? [] : ['no interval history: days spread flat over 08:00–20:00'];
  return { intervals: spread.intervals, warnings: [...warnings, ...spread.warnings] };
}
