import { isoDateToDayNumber, addDays, type IsoDate } from '../calendar';
import type { DailyForecastDay, FittedDailyModel } from './daily-model';
import { dayBandShare, intervalBand } from './intraday-bands';
import { runIntradayBacktest, type IntradayBacktestReport } from './intraday-backtest';
import { buildIntradayProfiles } from './intraday-profile';
import {
  DEFAULT_RECENT_WEIGHTING,
  mixIntervals,
  recentWeekdayForecast,
  sameWeekdayAverage,
  slotCountsOf,
} from './interval-baselines';
import { monthStartFactor } from './month-start-effect';
import type { IntervalObservation } from './parse-history-csv';
import { spreadIntraday, type IntervalForecast, type OpeningHours } from './spread-intraday';

const ALL_DAY: OpeningHours = { open: '00:00', close: '24:00' };

/** The intraday forecaster used, from the intraday backtest (null when the history is too short for one). */
export interface IntradayChoice {
  name: string;
  reason: string;
  backtest: IntradayBacktestReport | null;
}

/**
 * A queue's daily forecast spread over intervals with profiles learned from its interval history
 * (event days get their own shape where history shows one). With learned profiles the shape decides
 * when the queue is open; without interval history the days are spread flat over the default opening
 * hours, with a warning. The command line and the service both call this, so their numbers agree.
 *
 * With enough interval history (4 weeks plus the horizon) an intraday backtest ({@link runIntradayBacktest})
 * chooses between this spread, the average of the last four same weekdays per interval, last week's
 * interval, the recent-weighted same-weekday forecast and blends, and calibrates the interval bands on its out-of-sample errors by horizon week.
 * Without a backtest, or with fewer than 20 days of its errors, each interval's band combines the day's
 * band share with Poisson noise (an honest fallback), weighed n : 20 against the band of the n days of
 * errors there are (see intervalBand).
 *
 * `days` comes back as the day totals of those intervals: when the chosen forecaster makes its own day
 * totals (a baseline, or a blend with one), a day's P50 is the sum of its intervals, with the daily
 * model's band relative to it (P10/P50 and P90/P50 of the day), so the day and its intervals never
 * disagree; with PeakPlan's totals the days are the daily model's.
 */
export function forecastIntervals(
  model: FittedDailyModel,
  days: readonly DailyForecastDay[],
  history: readonly IntervalObservation[],
  options: { intervalMinutes: number; timeZone?: string },
): {
  intervals: IntervalForecast[];
  days: DailyForecastDay[];
  warnings: string[];
  intraday: IntradayChoice;
} {
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
  let backtest: IntradayBacktestReport | null = null;
  if (history.length > 0) {
    try {
      backtest = runIntradayBacktest(history, model.history, model.options);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      warnings.push(
        `no intraday backtest (${error.message}): interval bands combine the day's band and Poisson noise`,
      );
    }
  }
  const chosen = backtest
    ? chosenIntervals(spread.intervals, days, history, backtest, options.intervalMinutes)
    : { intervals: spread.intervals.map((slot) => withFallbackBand(slot)), days: [...days] };
  const intraday: IntradayChoice = backtest
    ? { name: backtest.chosen.name, reason: backtest.reason, backtest }
    : {
        name: 'peakplan',
        reason: 'interval history too short to backtest: PeakPlan’s spread',
        backtest: null,
      };
  return { ...chosen, warnings: [...warnings, ...spread.warnings], intraday };
}

/** P10/P90 of an interval without a calibrated table: the day's band share widened by Poisson noise. */
function withFallbackBand(slot: IntervalForecast): IntervalForecast {
  return { ...slot, ...intervalBand({ weeks: [], fallback: true }, slot.p50, 1, dayBandShare(slot, true)) };
}

/** Whether a forecaster's day totals are PeakPlan's (its spread, or PeakPlan's total in a baseline's shape). */
function keepsPeakPlanTotals(candidate: IntradayBacktestReport['chosen']): boolean {
  return (
    candidate.peakplan === 1 ||
    candidate.baseline === 'four-week-shape' ||
    candidate.baseline === 'recent-shape'
  );
}

/**
 * The chosen mix of PeakPlan's spread and a baseline, with the calibrated bands by horizon, and the days
 * as their intervals' totals (see forecastIntervals).
 */
function chosenIntervals(
  spread: readonly IntervalForecast[],
  days: readonly DailyForecastDay[],
  history: readonly IntervalObservation[],
  backtest: IntradayBacktestReport,
  intervalMinutes: number,
): { intervals: IntervalForecast[]; days: DailyForecastDay[] } {
  const counts = slotCountsOf(history);
  const dates = [...counts.keys()].sort().reverse();
  const origin = addDays(dates[0], 1);
  const perSlot = intervalMinutes / 15;
  const weighting = { ...DEFAULT_RECENT_WEIGHTING, monthStart: monthStartFactor(counts, origin) };
  const quarterOf = (start: string) => Number(start.slice(11, 13)) * 4 + Number(start.slice(14, 16)) / 15;
  const slotsByDate = new Map<IsoDate, IntervalForecast[]>();
  for (const slot of spread) {
    const date = slot.start.slice(0, 10);
    slotsByDate.set(date, [...(slotsByDate.get(date) ?? []), slot]);
  }
  const result: IntervalForecast[] = [];
  const totals: DailyForecastDay[] = [];
  const ownTotals = !keepsPeakPlanTotals(backtest.chosen);
  for (const day of days) {
    const slots = slotsByDate.get(day.date) ?? [];
    const peakplan = new Float64Array(96);
    for (const slot of slots)
      for (let q = 0; q < perSlot; q++) peakplan[quarterOf(slot.start) + q] += slot.p50 / perSlot;
    const mixed = mixIntervals(
      backtest.chosen,
      peakplan,
      {
        fourWeeks: sameWeekdayAverage(counts, dates, origin, day.date, 4),
        lastWeek: sameWeekdayAverage(counts, dates, origin, day.date, 1),
        recent: recentWeekdayForecast(counts, dates, origin, day.date, weighting),
      },
      day,
    );
    const horizonDay = Math.max(1, isoDateToDayNumber(day.date) - isoDateToDayNumber(origin) + 1);
    let total = 0;
    for (const slot of slots) {
      let p50 = 0;
      for (let q = 0; q < perSlot; q++) p50 += mixed[quarterOf(slot.start) + q] ?? 0;
      // Nothing forecast (a closed day, or outside the hours every forecaster saw open): no band either.
      total += p50;
      if (p50 === 0) result.push({ start: slot.start, p10: 0, p50: 0, p90: 0 });
      else
        result.push({
          start: slot.start,
          p50,
          ...intervalBand(backtest.bands, p50, horizonDay, dayBandShare(day, true)),
        });
    }
    // The day's relative band stays the daily model's (its P10/P50 and P90/P50, from its backtests).
    const share = dayBandShare(day, true);
    totals.push(
      ownTotals && !day.closed
        ? { ...day, p10: total * share.low, p50: total, p90: total * share.high }
        : day,
    );
  }
  return { intervals: result, days: totals };
}
