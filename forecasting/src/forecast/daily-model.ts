import { dayNumberToIsoDate, isoDateToDayNumber, type EventDefinition, type IsoDate } from '../calendar';
import { runBacktestOrigins, type BacktestRun } from './backtest-runs';
import { borrowEventEffects, sourceHistoryBefore, type EventEffectSource } from './borrowed-event-effects';
import { isClosedDay, type ClosureRules } from './closures';
import { chooseCombinationWeights, type CombinationChoice } from './combination-weights';
import { combineAt, componentForecasts, type EngineSetup } from './component-forecasts';
import type { DailyObservation } from './daily-history';
import { dayEventEffectLog } from './event-effects';
import { eventsNeverSeen, type EventWindowIndex } from './event-window-index';
import { applyInterval, calibrateIntervals, type IntervalTable } from './prediction-intervals';
import { prepareEngine, type DailyModelOptions, type OutlierDay } from './prepare-engine';
import type { RegressionFit } from './regression-model';

export type { DailyModelOptions, OutlierDay } from './prepare-engine';

/** A fitted daily model of one queue: regression, baselines, chosen combination and calibrated bands. */
export interface FittedDailyModel {
  firstDate: IsoDate;
  lastDate: IsoDate;
  events: readonly EventDefinition[];
  /** Name of the chosen forecaster (see {@link CombinationChoice}). */
  model: string;
  selection: CombinationChoice;
  intervals: IntervalTable;
  outliers: OutlierDay[];
  /** Weekdays (0 = Sunday) learned as closed. */
  closedWeekdays: number[];
  gaps: { from: IsoDate; to: IsoDate }[];
  warnings: string[];
  /** The out-of-sample runs behind the selection and the bands (used by {@link runBacktest}). */
  backtestRuns: BacktestRun[];
  setup: EngineSetup;
  regression: RegressionFit;
  closures: ClosureRules;
  /** What the model was fitted on and with, so the intraday backtest can refit it at earlier origins. */
  history: readonly DailyObservation[];
  options: DailyModelOptions;
}

/** One forecast day. */
export interface DailyForecastDay {
  date: IsoDate;
  p10: number;
  p50: number;
  p90: number;
  closed: boolean;
  /** Events whose window holds this day. */
  events: string[];
}

/** Longest horizon: the event index is built three years past the history. */
export const MAX_HORIZON_DAYS = 730;

/**
 * Fits the daily model of one queue: the log-linear ridge regression, the two baselines, the
 * combination weights chosen by rolling-origin backtests on past peak windows, and P10/P90 bands
 * calibrated on the backtests' out-of-sample errors by horizon.
 * @example fitDailyModel(history, { country: 'NL' }).model // e.g. 'combination(regression 0.6, event-uplift 0.4)'
 */
export function fitDailyModel(
  history: readonly DailyObservation[],
  options: DailyModelOptions = {},
): FittedDailyModel {
  const { setup, fit, closures, outliers, leadDays, first, last } = prepareEngine(history, options);
  const unseen = eventsNeverSeen(setup.index, setup.events, first, last);
  const noPeakBacktest = last - first < 364 + leadDays + 28;
  const source =
    options.eventEffectSource && unseen.length > 0
      ? fitSource(options.eventEffectSource, last + 1, setup.events, options)
      : undefined;
  if (source) setup.borrowed = borrowEventEffects(source.label, source, unseen, setup.events);
  const backtestRuns = runBacktestOrigins(setup, leadDays);
  const shortHistory = last - first < 364 + 28;
  const selection: CombinationChoice = shortHistory
    ? {
        weights: { model: 1, naive: 0, uplift: 0 },
        name: 'regression',
        reason: 'history shorter than a year: both baselines need last year, so the regression is used alone',
        peakWape: null,
        peakRuns: 0,
      }
    : chooseCombinationWeights(backtestRuns);
  const intervals = calibrateIntervals(backtestRuns, selection.weights, Infinity, last - first + 1);
  const warnings: string[] = [];
  // A gap made only of closed days (a queue whose export leaves out the days it was shut) is no gap.
  const gaps = setup.series.gaps.filter((gap) => {
    for (let day = isoDateToDayNumber(gap.from); day <= isoDateToDayNumber(gap.to); day++)
      if (!isClosedDay(closures, day, setup.index)) return true;
    return false;
  });
  if (gaps.length > 0)
    warnings.push(`history has ${gaps.length} gap(s), e.g. ${gaps[0].from}..${gaps[0].to}; gaps are skipped`);
  if (noPeakBacktest)
    warnings.push(
      'short history (under one year before a peak): no peak backtest possible, bands use default widths',
    );
  else if (intervals.fallback) warnings.push('few backtest errors: prediction bands use default widths');
  if (outliers.length > 0)
    warnings.push(`${outliers.length} outlier day(s) left out of the fit (see outliers)`);
  const lent = new Set(setup.borrowed?.eventIds);
  const namesOf = (events: readonly EventDefinition[]) => events.map((event) => event.name).join(', ');
  const borrowed = unseen.filter((event) => lent.has(event.id));
  const without = unseen.filter((event) => !lent.has(event.id));
  if (borrowed.length > 0)
    warnings.push(
      `no day of ${namesOf(borrowed)} in the history: the uplift is ${source?.label}'s, as learned from its history`,
    );
  if (without.length > 0)
    warnings.push(
      `no day of ${namesOf(without)} in the history: forecast without an event uplift, and the bands do not allow for one`,
    );
  if (selection.weights.model === 0)
    warnings.push(`a baseline beat the regression on past peaks: using ${selection.name}`);
  return {
    firstDate: dayNumberToIsoDate(first),
    lastDate: dayNumberToIsoDate(last),
    events: setup.events,
    model: selection.name,
    selection,
    intervals,
    outliers,
    closedWeekdays: closures.closedWeekdays.flatMap((closed, weekday) => (closed ? [weekday] : [])),
    gaps,
    warnings,
    backtestRuns,
    setup,
    regression: fit,
    closures,
    history,
    options,
  };
}

/**
 * The source queue's regression fitted on its days before `origin` with this queue's events, country
 * and settings (no backtests: only its event effects are borrowed); undefined when those days are too
 * few to fit, and the forecast goes on without the source.
 */
function fitSource(
  source: EventEffectSource,
  origin: number,
  events: readonly EventDefinition[],
  options: DailyModelOptions,
): { label: string; fit: RegressionFit; index: EventWindowIndex; first: number; last: number } | undefined {
  const before = sourceHistoryBefore(source, origin);
  if (before.length === 0) return undefined;
  try {
    const { fit, setup, first, last } = prepareEngine(before, {
      country: options.country,
      events,
      regression: options.regression,
    });
    return { label: source.label, fit, index: setup.index, first, last };
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Forecasts `horizon` days from `start` (default: the day after the history) with P10/P50/P90.
 * @throws RangeError when `horizon` is not an integer 1..730 or `start` is not after the history.
 */
export function forecastDaily(model: FittedDailyModel, horizon: number, start?: IsoDate): DailyForecastDay[] {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_DAYS)
    throw new RangeError(`horizon must be an integer 1..${MAX_HORIZON_DAYS} days, got ${horizon}`);
  const last = isoDateToDayNumber(model.lastDate);
  const from = start === undefined ? last + 1 : isoDateToDayNumber(start, 'start');
  if (from <= last)
    throw new RangeError(`start must be after the last history day ${model.lastDate}, got ${start}`);
  if (from + horizon - 1 - last > MAX_HORIZON_DAYS)
    throw new RangeError(`start + horizon reaches more than ${MAX_HORIZON_DAYS} days past the history`);
  const { setup } = model;
  const forecast = componentForecasts(setup, last + 1, from, from + horizon - 1, {
    fit: model.regression,
    closures: model.closures,
  });
  return forecast.days.map((day, i) => {
    const p50 = combineAt(forecast, model.selection.weights, i);
    const feature = setup.index.featureAt(day);
    const effect = dayEventEffectLog(setup, model.regression, day);
    return {
      date: dayNumberToIsoDate(day),
      ...applyInterval(model.intervals, p50, day - last, effect),
      closed: forecast.closed[i],
      events: feature >= 0 ? [setup.index.features[feature].eventId] : [],
    };
  });
}
