/* The forecasting engine called for one run: daily model, backtest, intraday spread. Pure (no I/O):
 * the service loads the history and stores the result. */
import {
  buildIntradayProfiles,
  fitDailyModel,
  forecastDaily,
  isoDateToDayNumber,
  runBacktest,
  spreadIntraday,
  type DailyObservation,
  type EventDefinition,
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
  country: string;
  leadDays: number;
  forecastFrom: string;
  horizonDays: number;
  intervalMinutes: number;
  timeZone: string;
}

export interface ForecastEngineResult {
  model: string;
  modelReason: string;
  parameters: NonNullable<ForecastRunDetail['parameters']>;
  backtest: ForecastBacktestDto | null;
  warnings: string[];
  days: ForecastDayDto[];
  intervals: ForecastIntervalDto[];
}

const ALL_DAY = { open: '00:00', close: '24:00' };
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function runForecastEngine(input: ForecastEngineInput): ForecastEngineResult {
  const options = { country: input.country, events: input.events, leadDays: input.leadDays };
  const model = fitDailyModel(input.daily, options);
  const days = forecastDaily(model, input.horizonDays, input.forecastFrom);
  const warnings = [...model.warnings];
  let backtest: ForecastBacktestDto | null = null;
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
  const { index } = model.setup;
  const eventOfDay = (date: string) => {
    const feature = index.featureAt(isoDateToDayNumber(date));
    return feature >= 0 ? index.features[feature].eventId : undefined;
  };
  const profiles =
    input.intervals.length > 0 ? buildIntradayProfiles(input.intervals, eventOfDay) : undefined;
  if (!profiles) warnings.push('no interval history: days spread flat over 08:00–20:00');
  // With learned profiles the shape decides when the queue is open; without, the engine's default hours.
  const spread = spreadIntraday(days, {
    intervalMinutes: input.intervalMinutes,
    timeZone: input.timeZone,
    profiles,
    openingHours: profiles ? new Array(7).fill(ALL_DAY) : undefined,
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
    },
    backtest,
    warnings,
    days: days.map((day) => ({
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
