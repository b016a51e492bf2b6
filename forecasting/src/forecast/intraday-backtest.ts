import { addDays, dayOfWeek, isoDateToDayNumber, type IsoDate } from '../calendar';
import { intervalCoverage, wape } from './accuracy-metrics';
import { fitDailyModel, forecastDaily, type DailyModelOptions } from './daily-model';
import {
  calibrateIntradayBands,
  dayBandShare,
  dayTotalBand,
  errorsBefore,
  horizonWeek,
  intervalBand,
  type DayBandShare,
  type DayErrors,
  type IntradayBandTable,
} from './intraday-bands';
import { buildIntradayProfiles } from './intraday-profile';
import {
  DEFAULT_RECENT_WEIGHTING,
  mixIntervals,
  recentWeekdayForecast,
  sameWeekdayAverage,
  slotCountsOf,
  type IntervalMix,
  type SlotCounts,
} from './interval-baselines';
import type { DailyObservation } from './daily-history';
import { monthStartFactor } from './month-start-effect';
import type { IntervalObservation } from './parse-history-csv';

/** An intraday forecaster: PeakPlan's spread, a spreadsheet or recent-weighted baseline, or a blend of PeakPlan and one. */
export interface IntradayCandidate extends IntervalMix {
  name: string;
}

export const INTRADAY_CANDIDATES: readonly IntradayCandidate[] = [
  { name: 'peakplan', peakplan: 1, baseline: 'four-week-average' },
  { name: 'four-week-average', peakplan: 0, baseline: 'four-week-average' },
  { name: 'last-week', peakplan: 0, baseline: 'last-week' },
  { name: 'peakplan total, four-week shape', peakplan: 0, baseline: 'four-week-shape' },
  { name: 'recent-weighted', peakplan: 0, baseline: 'recent-weighted' },
  { name: 'peakplan total, recent shape', peakplan: 0, baseline: 'recent-shape' },
  { name: 'blend(peakplan 0.5, recent-weighted 0.5)', peakplan: 0.5, baseline: 'recent-weighted' },
  { name: 'blend(peakplan 0.75, four-week-average 0.25)', peakplan: 0.75, baseline: 'four-week-average' },
  { name: 'blend(peakplan 0.5, four-week-average 0.5)', peakplan: 0.5, baseline: 'four-week-average' },
  { name: 'blend(peakplan 0.25, four-week-average 0.75)', peakplan: 0.25, baseline: 'four-week-average' },
];

export interface IntradayBacktestReport {
  origins: IsoDate[];
  horizonDays: number;
  /** Pooled interval WAPE of every candidate over all origins (open intervals and closed days alike). */
  wape: Record<string, number>;
  /** The candidate chosen on all origins (what a forecast made now uses) and why. */
  chosen: IntradayCandidate;
  reason: string;
  /** The chosen-as-you-go forecaster: at each origin the candidate best on the earlier origins' days before it. */
  honestWape: number;
  /** The candidate the as-you-go forecaster used at each origin (PeakPlan's own spread at the first). */
  choicesAsYouGo: string[];
  /** Out-of-sample P10–P90 coverage per interval (intervals with contacts) and per day (open days). */
  intervalCoverage: number | null;
  dayCoverage: number | null;
  bands: IntradayBandTable;
  /** The same for the day totals of the intraday forecast (its own errors, not the intervals' summed). */
  dayBands: IntradayBandTable;
  warnings: string[];
}

const MINIMUM_WEEKS_BEFORE = 4;
const MAXIMUM_ORIGINS = 6;

interface OriginForecast {
  origin: IsoDate;
  /** Per candidate, per day of the horizon, 96 quarter-hour forecasts. */
  candidates: Float64Array[][];
  days: IsoDate[];
  /** The daily model's band of each day relative to its P50 (the fallback's day part). */
  dayShares: DayBandShare[];
}

/** The candidates' forecasts made at `origin` for `horizonDays` days, from the data before it. */
export function intradayCandidateForecasts(
  intervals: readonly IntervalObservation[],
  daily: readonly DailyObservation[],
  counts: SlotCounts,
  datesNewestFirst: readonly IsoDate[],
  origin: IsoDate,
  horizonDays: number,
  options: DailyModelOptions,
): OriginForecast {
  const before = intervals.filter((interval) => interval.localDate < origin);
  const model = fitDailyModel(
    daily.filter((day) => day.date < origin),
    options,
  );
  const forecast = forecastDaily(model, horizonDays, origin);
  const { index } = model.setup;
  const profiles = buildIntradayProfiles(before, (date) => {
    const feature = index.featureAt(isoDateToDayNumber(date));
    return feature >= 0 ? index.features[feature].eventId : undefined;
  });
  const days = forecast.map((day) => day.date);
  const weighting = { ...DEFAULT_RECENT_WEIGHTING, monthStart: monthStartFactor(counts, origin) };
  const candidates = INTRADAY_CANDIDATES.map(() => [] as Float64Array[]);
  forecast.forEach((day) => {
    const fourWeeks = sameWeekdayAverage(counts, datesNewestFirst, origin, day.date, 4);
    const lastWeek = sameWeekdayAverage(counts, datesNewestFirst, origin, day.date, 1);
    const recent = recentWeekdayForecast(counts, datesNewestFirst, origin, day.date, weighting);
    const profile =
      day.events.map((id) => profiles.events[id]).find(Boolean) ?? profiles.weekday[dayOfWeek(day.date)];
    let shares: ArrayLike<number> = profile;
    if (!profile.some((share) => share > 0)) {
      const total = fourWeeks.reduce((sum, value) => sum + value, 0);
      shares = total > 0 ? fourWeeks.map((value) => value / total) : new Float64Array(96);
    }
    const peakplan = Float64Array.from({ length: 96 }, (_, q) => (day.closed ? 0 : day.p50 * shares[q]));
    INTRADAY_CANDIDATES.forEach((candidate, c) =>
      candidates[c].push(mixIntervals(candidate, peakplan, { fourWeeks, lastWeek, recent }, day)),
    );
  });
  return {
    origin,
    candidates,
    days,
    dayShares: forecast.map((day) => dayBandShare(day, !model.intervals.fallback)),
  };
}

/** Per-candidate absolute error and actual total of a run's day. */
export interface DayScore {
  error: number;
  total: number;
}

/**
 * Each candidate's error and actual total summed over the given (earlier) runs' days before `origin`
 * only: with weekly origins and four-week horizons, an earlier origin's later days lie in this
 * origin's future, and choosing on them would let the as-you-go forecaster peek.
 * @example scoresBefore([{ days: ['2026-01-05', '2026-01-12'] }], [[[{ error: 1, total: 10 }], [{ error: 9, total: 10 }]]], '2026-01-12')
 * // → [{ error: 1, total: 10.000000001 }]: the day of the origin itself is not counted
 */
export function scoresBefore(
  runs: readonly { days: readonly IsoDate[] }[],
  perDay: readonly (readonly (readonly DayScore[])[])[],
  origin: IsoDate,
): DayScore[] {
  const sums = INTRADAY_CANDIDATES.map(() => ({ error: 0, total: 1e-9 }));
  runs.forEach((run, e) =>
    run.days.forEach((date, d) => {
      if (date >= origin) return;
      perDay[e][d].forEach((scored, c) => {
        sums[c].error += scored.error;
        sums[c].total += scored.total;
      });
    }),
  );
  return sums;
}

function bestCandidate(errors: readonly { error: number; total: number }[]): number {
  let best = 0;
  errors.forEach((score, c) => {
    if (score.error / score.total < errors[best].error / errors[best].total - 1e-12) best = c;
  });
  return best;
}

/**
 * Rolling-origin backtest of the intraday forecast on a queue's interval history: up to 6 weekly origins,
 * the latest `horizonDays` (28) before the end, each with at least 4 weeks of data before it. At each
 * origin PeakPlan's daily model is fitted on the daily history (`daily`) before it and spread with the recent
 * intraday profiles, beside the average of the last four same weekdays per interval, last week's same
 * interval, the recent-weighted same-weekday forecast (see recentWeekdayForecast, with the month-start
 * factor learned before the origin), PeakPlan's total in a baseline's shape, and blends. The candidate with the lowest pooled interval WAPE
 * is chosen; the honest score chooses at each origin from the earlier origins' days before it only. Interval and day bands
 * are calibrated on the out-of-sample errors log((a + 1)/(f + 1)) by horizon week once 20 days of errors
 * lie behind a week (see calibrateIntradayBands), and their coverage is measured on each origin with a
 * table from the earlier origins only: at the first origin, the fallback (the daily model's band of the
 * day with Poisson noise) is measured too.
 * @throws RangeError when the history is too short for one origin.
 */
export function runIntradayBacktest(
  intervals: readonly IntervalObservation[],
  daily: readonly DailyObservation[],
  options: DailyModelOptions & { horizonDays?: number } = {},
): IntradayBacktestReport {
  const horizonDays = options.horizonDays ?? 28;
  const counts = slotCountsOf(intervals);
  const dates = [...counts.keys()].sort();
  if (dates.length === 0) throw new RangeError('interval history is empty');
  const first = dates[0];
  const last = dates[dates.length - 1];
  const datesNewestFirst = [...dates].reverse();
  const origins: IsoDate[] = [];
  for (
    let origin = addDays(last, 1 - horizonDays);
    origins.length < MAXIMUM_ORIGINS &&
    isoDateToDayNumber(origin) - isoDateToDayNumber(first) >= 7 * MINIMUM_WEEKS_BEFORE;
    origin = addDays(origin, -7)
  )
    origins.unshift(origin);
  if (origins.length === 0)
    throw new RangeError(
      `interval history of ${dates.length} days is too short for an intraday backtest: it needs ${7 * MINIMUM_WEEKS_BEFORE} days plus a ${horizonDays}-day horizon`,
    );
  const runs = origins.map((origin) =>
    intradayCandidateForecasts(intervals, daily, counts, datesNewestFirst, origin, horizonDays, options),
  );
  const scores = INTRADAY_CANDIDATES.map(() => ({ error: 0, total: 0 }));
  // Per run and day, each candidate's absolute error and actual total: the honest choice below may
  // only count the days before its own origin.
  const perDay = runs.map((run) =>
    run.days.map(() => INTRADAY_CANDIDATES.map(() => ({ error: 0, total: 0 }))),
  );
  const actualOf = (date: IsoDate) => counts.get(date) ?? new Float64Array(96);
  runs.forEach((run, r) =>
    run.days.forEach((date, d) => {
      const actual = actualOf(date);
      INTRADAY_CANDIDATES.forEach((_, c) => {
        const forecast = run.candidates[c][d];
        for (let q = 0; q < 96; q++) {
          const error = Math.abs(actual[q] - forecast[q]);
          for (const score of [scores[c], perDay[r][d][c]]) {
            score.error += error;
            score.total += actual[q];
          }
        }
      });
    }),
  );
  const chosen = bestCandidate(scores);
  // As you go: at origin r the candidate best on origins < r (PeakPlan's own spread at the first).
  const honest = { actual: [] as number[], forecast: [] as number[] };
  const seen: DayErrors[] = [];
  const choicesAsYouGo: string[] = [];
  const coverage = { actual: [] as number[], p10: [] as number[], p90: [] as number[] };
  const dayCoverage = { actual: [] as number[], p10: [] as number[], p90: [] as number[] };
  runs.forEach((run, r) => {
    const earlier = scoresBefore(runs.slice(0, r), perDay, run.origin);
    const pick = r === 0 ? 0 : bestCandidate(earlier);
    choicesAsYouGo.push(INTRADAY_CANDIDATES[pick].name);
    // Bands from errors on days before this origin only: an earlier origin's later days overlap this
    // origin's horizon, and their errors would tell the band about the days it is measured on.
    const { bands, dayBands } = calibrateIntradayBands(errorsBefore(seen, run.origin));
    run.days.forEach((date, d) => {
      const actual = actualOf(date);
      const forecast = run.candidates[pick][d];
      const week = horizonWeek(d + 1);
      const share = run.dayShares[d];
      let dayActual = 0;
      let dayForecast = 0;
      const intervalErrors: number[] = [];
      for (let q = 0; q < 96; q++) {
        honest.actual.push(actual[q]);
        honest.forecast.push(forecast[q]);
        if (forecast[q] <= 0 && actual[q] <= 0) continue;
        intervalErrors.push(Math.log((actual[q] + 1) / (forecast[q] + 1)));
        if (actual[q] > 0) {
          const band = intervalBand(bands, forecast[q], d + 1, share);
          coverage.actual.push(actual[q]);
          coverage.p10.push(band.p10);
          coverage.p90.push(band.p90);
        }
        dayActual += actual[q];
        dayForecast += forecast[q];
      }
      if (dayForecast > 0 || dayActual > 0)
        seen.push({
          date,
          week,
          day: Math.log((dayActual + 1) / (dayForecast + 1)),
          intervals: intervalErrors,
        });
      if (dayActual > 0) {
        const band = dayTotalBand(dayBands, dayForecast, d + 1, share);
        dayCoverage.actual.push(dayActual);
        dayCoverage.p10.push(band.p10);
        dayCoverage.p90.push(band.p90);
      }
    });
  });
  const wapeByName = Object.fromEntries(
    INTRADAY_CANDIDATES.map((candidate, c) => [candidate.name, scores[c].error / scores[c].total]),
  );
  const baselineBest = Math.min(wapeByName['four-week-average'], wapeByName['last-week']);
  const gain = 1 - wapeByName[INTRADAY_CANDIDATES[chosen].name] / baselineBest;
  return {
    origins,
    horizonDays,
    wape: wapeByName,
    chosen: INTRADAY_CANDIDATES[chosen],
    reason: `${INTRADAY_CANDIDATES[chosen].name} has the lowest interval WAPE over ${origins.length} weekly origins, ${horizonDays} days ahead (${(gain * 100).toFixed(1)}% below the better of the four-week average and last week)`,
    honestWape: wape(honest.actual, honest.forecast),
    choicesAsYouGo,
    intervalCoverage:
      coverage.actual.length > 0 ? intervalCoverage(coverage.actual, coverage.p10, coverage.p90) : null,
    dayCoverage:
      dayCoverage.actual.length > 0
        ? intervalCoverage(dayCoverage.actual, dayCoverage.p10, dayCoverage.p90)
        : null,
    ...calibrateIntradayBands(errorsBefore(seen, addDays(last, 1))),
    warnings: [],
  };
}
