// The forecasting engine's public API. Internals (ridge solver, feature rows, backtest plumbing) stay
// importable by path for tests and benches, but are not re-exported, so the library barrel stays small
// and free of generic names that could clash with other parts of the library.
export { bias, intervalCoverage, mase, maseScale, smape, wape } from './accuracy-metrics';
export { runBacktest } from './backtest';
export type { BacktestComparison, BacktestMetrics, BacktestReport, BacktestWindow } from './backtest';
export type { BorrowedEventEffects, EventEffectSource } from './borrowed-event-effects';
export { eventUpliftBaseline, seasonalNaive, yearOnYearRatio } from './baselines';
export { combinationName } from './combination-weights';
export type { CombinationChoice } from './combination-weights';
export type { CombinationWeights } from './component-forecasts';
export { toDenseSeries } from './daily-history';
export type { DailyObservation, DenseDailySeries } from './daily-history';
export { fitDailyModel, forecastDaily, MAX_HORIZON_DAYS } from './daily-model';
export type { DailyForecastDay, DailyModelOptions, FittedDailyModel, OutlierDay } from './daily-model';
export { eventEffects } from './event-effects';
export type { EventEffect } from './event-effects';
export { buildIntradayProfiles, profileDistance } from './intraday-profile';
export type { IntradayProfiles, QuarterProfile } from './intraday-profile';
export { parseHistoryCsv, selectQueueHistory } from './parse-history-csv';
export type { IntervalObservation, QueueHistory } from './parse-history-csv';
export type { ErrorBand, IntervalTable } from './prediction-intervals';
export { DEFAULT_REGRESSION_OPTIONS, MINIMUM_OPEN_DAYS } from './regression-model';
export type { RegressionOptions } from './regression-model';
export { plannerClosedDays } from './planner-closed-days';
export { mulberry32, standardNormal } from './seeded-random';
export type { RandomSource } from './seeded-random';
export { forecastIntervals } from './forecast-intervals';
export type { IntradayChoice } from './forecast-intervals';
export { INTRADAY_CANDIDATES, runIntradayBacktest } from './intraday-backtest';
export type { IntradayBacktestReport, IntradayCandidate } from './intraday-backtest';
export { spreadIntraday } from './spread-intraday';
export type { IntervalForecast, OpeningHours, SpreadIntradayOptions } from './spread-intraday';
export { generateSyntheticHistory } from './synthetic-history';
export type { SyntheticHistoryOptions } from './synthetic-history';
