/* `peakplan backtest --input FILE.csv [--queue NAME] [--country CC] [--lead-days 28]
 *   [--events-from FILE.csv [--events-from-queue NAME]]`
 * Rolling-origin backtest around every past peak: model and both baselines per event window and overall. */
import { runBacktest, runIntradayBacktest, type BacktestMetrics } from '../../forecast';
import { CliUsageError } from '../cli-usage-error';
import { numberOption } from '../parse-args';
import { loadQueue } from './forecast.command';

const KNOWN = ['input', 'queue', 'country', 'lead-days', 'time-zone'];

function rounded(metrics: BacktestMetrics): BacktestMetrics {
  const r = (value: number) => Math.round(value * 10000) / 10000;
  return {
    wape: r(metrics.wape),
    smape: r(metrics.smape),
    mase: r(metrics.mase),
    bias: r(metrics.bias),
    coverage: metrics.coverage === null ? null : r(metrics.coverage),
    days: metrics.days,
  };
}

export async function run(options: Map<string, string>): Promise<unknown> {
  const { history, country, eventEffectSource } = loadQueue(options, KNOWN);
  const leadDays = numberOption(options, 'lead-days', 28);
  if (!Number.isInteger(leadDays) || leadDays < 1 || leadDays > 365)
    throw new CliUsageError(`--lead-days must be a whole number 1..365, got "${options.get('lead-days')}"`);
  let report;
  try {
    report = runBacktest(history.daily, { country, leadDays, eventEffectSource });
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new CliUsageError(error.message);
    throw error;
  }
  for (const warning of report.warnings) process.stderr.write(`peakplan: warning: ${warning}\n`);
  let intraday: Record<string, unknown> | undefined;
  if (history.intervals.length > 0) {
    try {
      const scored = runIntradayBacktest(history.intervals, history.daily, {
        country,
        leadDays,
        eventEffectSource,
      });
      const r = (value: number | null) => (value === null ? null : Math.round(value * 10000) / 10000);
      intraday = {
        model: scored.chosen.name,
        reason: scored.reason,
        origins: scored.origins,
        horizonDays: scored.horizonDays,
        wape: Object.fromEntries(Object.entries(scored.wape).map(([name, value]) => [name, r(value)])),
        honestWape: r(scored.honestWape),
        choicesAsYouGo: scored.choicesAsYouGo,
        intervalCoverage: r(scored.intervalCoverage),
        dayCoverage: r(scored.dayCoverage),
      };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      intraday = { error: error.message };
    }
  }
  return {
    ...(intraday ? { intraday } : {}),
    queue: history.queue,
    leadDays: report.leadDays,
    verdict: report.verdict,
    model: report.chosen.name,
    reason: report.chosen.reason,
    warnings: report.warnings,
    overall: {
      model: rounded(report.overall.model),
      regression: rounded(report.overall.regression),
      seasonalNaive: rounded(report.overall.seasonalNaive),
      eventUplift: rounded(report.overall.eventUplift),
    },
    windows: report.windows.map((window) => ({
      eventId: window.eventId,
      eventDate: window.eventDate,
      origin: window.origin,
      modelUsed: window.modelUsed,
      model: rounded(window.model),
      regression: rounded(window.regression),
      seasonalNaive: rounded(window.seasonalNaive),
      eventUplift: rounded(window.eventUplift),
    })),
  };
}
