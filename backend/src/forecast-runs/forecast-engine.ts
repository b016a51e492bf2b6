/* The forecasting engine called for one run: daily model, backtest, intraday spread. Pure (no I/O):
 * the service loads the history and stores the result. */
import {
  fitDailyModel,
  forecastDaily,
  forecastIntervals,
  runBacktest,
  type DailyObservation,
  type EventDefinition,
  type EventEffectSource,
  type EventRule,
  type IntervalObservation,
} from '@peakplan/forecasting';

import type {
  ForecastBacktestDto,
  ForecastDayDto,
  ForecastIntervalDto,
  ForecastRunDetail,
} from '@peakplan/contracts';

export interface ForecastEngineInput {
  daily: DailyObservation[];
  intervals: IntervalObservation[];
  events: EventDefinition[];
  /** The queue's closed days (date rules a planner set); events marked closed are closed as well. */
  closedDays?: EventRule[];
  /** Another queue lending its event effects to the events this history never saw (see loadEventEffectSource). */
  eventEffectSource?: EventEffectSource;
  country: string;
  leadDays: number;
  forecastFrom: string;
  horizonDays: number;
  intervalMinutes: number;
  timeZone: string;
}

/** Everything but the interval history (which travels packed to the worker). */
export type ForecastEngineSettings = Omit<ForecastEngineInput, 'intervals'>;

export interface ForecastEngineResult {
  model: string;
  modelReason: string;
  parameters: NonNullable<ForecastRunDetail['parameters']>;
  backtest: ForecastBacktestDto | null;
  warnings: string[];
  days: ForecastDayDto[];
  intervals: ForecastIntervalDto[];
}

/** The engine's own steps, reported as each begins (the service adds loading and storing around them). */
export type ForecastEngineStage = 'fitting' | 'backtest' | 'spreading intervals';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function runForecastEngine(
  input: ForecastEngineInput,
  onStage: (stage: ForecastEngineStage) => void = () => undefined,
): ForecastEngineResult {
  const options = {
    country: input.country,
    events: input.events,
    leadDays: input.leadDays,
    closedDays: input.closedDays,
    eventEffectSource: input.eventEffectSource,
  };
  onStage('fitting');
  const model = fitDailyModel(input.daily, options);
  const days = forecastDaily(model, input.horizonDays, input.forecastFrom);
  const warnings = [...model.warnings];
  let backtest: ForecastBacktestDto | null = null;
  onStage('backtest');
  try {
    const report = runBacktest(input.daily, options);
    backtest = {
      leadDays: report.leadDays,
      verdict: report.verdict,
      overall: report.overall,
      windows: report.windows.map((window) => ({ ...window })),
    };
    warnings.push(...report.warnings.filter((warning) => !warnings.includes(warning)));
  } catch (error) {
    warnings.push(`no backtest: ${(error as Error).message}`);
  }
  onStage('spreading intervals');
  const spread = forecastIntervals(model, days, input.intervals, {
    intervalMinutes: input.intervalMinutes,
    timeZone: input.timeZone,
  });
  warnings.push(...spread.warnings);
  return {
    model: model.model,
    modelReason: model.selection.reason,
    parameters: {
      selection: {
        name: model.selection.name,
        reason: model.selection.reason,
        weights: { ...model.selection.weights },
        peakWape: model.selection.peakWape,
      },
      closedWeekdays: model.closedWeekdays,
      outliers: model.outliers,
      gaps: model.gaps,
      events: model.events.map((event) => event.id),
      intraday: spread.intraday.backtest
        ? {
            name: spread.intraday.name,
            reason: spread.intraday.reason,
            wape: spread.intraday.backtest.wape,
            intervalCoverage: spread.intraday.backtest.intervalCoverage,
            dayCoverage: spread.intraday.backtest.dayCoverage,
          }
        : null,
    },
    backtest,
    warnings,
    // The interval forecast's day totals (forecastIntervals): a day and its intervals agree.
    days: spread.days.map((day) => ({
      date: day.date,
      p10: round(day.p10),
      p50: round(day.p50),
      p90: round(day.p90),
      closed: day.closed,
      events: day.events,
    })),
    intervals: spread.intervals.map((slot) => ({
      start: slot.start,
      p10: round(slot.p10),
      p50: round(slot.p50),
      p90: round(slot.p90),
    })),
  };
}
