import { dayNumberToIsoDate, type IsoDate } from '../calendar';
import { bias, intervalCoverage, maseScale, smape, wape } from './accuracy-metrics';
import type { BacktestRun } from './backtest-runs';
import { runBacktestOrigins } from './backtest-runs';
import { chooseCombinationWeights, type CombinationChoice } from './combination-weights';
import { combineAt, type CombinationWeights } from './component-forecasts';
import type { DailyObservation } from './daily-history';
import { prepareEngine, type DailyModelOptions } from './prepare-engine';
import { applyInterval, calibrateIntervals } from './prediction-intervals';

/** Accuracy of one forecaster on a set of days. */
export interface BacktestMetrics {
  wape: number;
  /** sMAPE on open days (actual > 0) only. */
  smape: number;
  /** MASE, scale = in-sample seasonal naive lag 7 on the training data of each origin. */
  mase: number;
  /** (Σ forecast − Σ actual) / Σ actual. */
  bias: number;
  /** Share of open-day actuals inside P10–P90; null for the baselines, which have no band. */
  coverage: number | null;
  days: number;
}

/** The model (chosen combination) and each candidate, side by side. */
export interface BacktestComparison {
  model: BacktestMetrics;
  regression: BacktestMetrics;
  seasonalNaive: BacktestMetrics;
  eventUplift: BacktestMetrics;
}

export interface BacktestWindow extends BacktestComparison {
  eventId: string;
  eventName: string;
  eventDate: IsoDate;
  origin: IsoDate;
  /** Weights used by the model at this origin (chosen from earlier peaks only). */
  modelUsed: string;
}

export interface BacktestReport {
  leadDays: number;
  windows: BacktestWindow[];
  overall: BacktestComparison;
  /** Which forecaster has the lowest overall peak-window WAPE, and by how much. */
  verdict: string;
  /** The combination a forecast made now would use (chosen on all past peaks), and why. */
  chosen: CombinationChoice;
  warnings: string[];
}

interface ScoredDays {
  actual: number[];
  forecast: number[];
  p10: number[];
  p90: number[];
  scaled: number[];
}

function metricsOf(days: ScoredDays, withBand: boolean): BacktestMetrics {
  return {
    wape: wape(days.actual, days.forecast),
    smape: smape(days.actual, days.forecast),
    mase: days.scaled.reduce((sum, value) => sum + value, 0) / days.scaled.length,
    bias: bias(days.actual, days.forecast),
    coverage: withBand ? openDayCoverage(days) : null,
    days: days.actual.length,
  };
}

/** P10–P90 coverage on open days only: a closed day (0 inside [0, 0]) would flatter the band. */
function openDayCoverage(days: ScoredDays): number | null {
  const open = days.actual.flatMap((actual, i) => (actual > 0 ? [i] : []));
  if (open.length === 0) return null;
  const pick = (values: number[]) => open.map((i) => values[i]);
  return intervalCoverage(pick(days.actual), pick(days.p10), pick(days.p90));
}

const CANDIDATES = ['model', 'regression', 'seasonalNaive', 'eventUplift'] as const;
const PURE: Record<Exclude<(typeof CANDIDATES)[number], 'model'>, CombinationWeights> = {
  regression: { model: 1, naive: 0, uplift: 0 },
  seasonalNaive: { model: 0, naive: 1, uplift: 0 },
  eventUplift: { model: 0, naive: 0, uplift: 1 },
};

/**
 * Rolling-origin backtest around every past peak: a forecast made `leadDays` (default 28) before each
 * event from the data up to then, scored on the event window, for the model and both baselines.
 * Honest by construction: at each origin the model's combination weights and P10–P90 band come only
 * from backtests whose days lie before that origin (the first peaks use the default blend and bands).
 */
export function runBacktest(
  history: readonly DailyObservation[],
  options: DailyModelOptions = {},
): BacktestReport {
  const { setup, leadDays } = prepareEngine(history, options);
  const runs = runBacktestOrigins(setup, leadDays);
  const windows: BacktestWindow[] = [];
  const pooled = Object.fromEntries(
    CANDIDATES.map((name) => [
      name,
      { actual: [], forecast: [], p10: [], p90: [], scaled: [] } as ScoredDays,
    ]),
  ) as Record<(typeof CANDIDATES)[number], ScoredDays>;
  const values = Array.from(setup.series.values);
  for (const run of runs.filter((r): r is BacktestRun & { eventId: string } => r.kind === 'peak')) {
    const choice = chooseCombinationWeights(runs, run.origin);
    const table = calibrateIntervals(runs, choice.weights, run.origin);
    const scale = maseScale(values.slice(0, run.origin - setup.series.startDay), 7);
    const local = Object.fromEntries(
      CANDIDATES.map((name) => [
        name,
        { actual: [], forecast: [], p10: [], p90: [], scaled: [] } as ScoredDays,
      ]),
    ) as Record<(typeof CANDIDATES)[number], ScoredDays>;
    run.days.forEach((day, i) => {
      if (!run.scored[i] || Number.isNaN(run.naive[i]) || Number.isNaN(run.uplift[i])) return;
      for (const name of CANDIDATES) {
        const forecast = combineAt(run, name === 'model' ? choice.weights : PURE[name], i);
        const band = applyInterval(table, forecast, day - run.origin + 1, run.eventEffect[i]);
        for (const target of [local[name], pooled[name]]) {
          target.actual.push(run.actual[i]);
          target.forecast.push(forecast);
          target.p10.push(band.p10);
          target.p90.push(band.p90);
          target.scaled.push(Math.abs(run.actual[i] - forecast) / scale);
        }
      }
    });
    if (local.model.actual.length === 0) continue;
    windows.push({
      eventId: run.eventId,
      eventName: run.eventName ?? run.eventId,
      eventDate: run.eventDate ?? '',
      origin: dayNumberToIsoDate(run.origin),
      modelUsed: choice.name,
      model: metricsOf(local.model, true),
      regression: metricsOf(local.regression, true),
      seasonalNaive: metricsOf(local.seasonalNaive, false),
      eventUplift: metricsOf(local.eventUplift, false),
    });
  }
  const warnings: string[] = [];
  if (windows.length === 0) {
    warnings.push('no past peak with a full year of history before it: nothing to backtest');
    const empty: BacktestMetrics = { wape: 0, smape: 0, mase: 0, bias: 0, coverage: null, days: 0 };
    return {
      leadDays,
      windows,
      overall: { model: empty, regression: empty, seasonalNaive: empty, eventUplift: empty },
      verdict: 'no backtest',
      chosen: chooseCombinationWeights(runs),
      warnings,
    };
  }
  const overall: BacktestComparison = {
    model: metricsOf(pooled.model, true),
    regression: metricsOf(pooled.regression, true),
    seasonalNaive: metricsOf(pooled.seasonalNaive, false),
    eventUplift: metricsOf(pooled.eventUplift, false),
  };
  const bestBaseline = Math.min(overall.seasonalNaive.wape, overall.eventUplift.wape);
  const gain = 1 - overall.model.wape / bestBaseline;
  const verdict =
    gain > 0
      ? `model beats the best baseline on peak-window WAPE by ${(gain * 100).toFixed(1)}%`
      : `a baseline beats the model on peak-window WAPE by ${(-gain * 100).toFixed(1)}%: prefer the baseline on this queue`;
  return { leadDays, windows, overall, verdict, chosen: chooseCombinationWeights(runs), warnings };
}
