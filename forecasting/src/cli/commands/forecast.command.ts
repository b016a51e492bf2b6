/* `peakplan forecast --input FILE.csv [--queue NAME] [--country CC] [--start YYYY-MM-DD] --horizon DAYS
 *   [--interval-minutes 15|30|60] [--format json|csv] [--time-zone Europe/Amsterdam]
 *   [--events-from FILE.csv [--events-from-queue NAME]]`
 * Daily P10/P50/P90 (and per interval with --interval-minutes) for one queue; JSON on stdout. */
import { readFileSync } from 'node:fs';

import { eventPresets, isoDateToDayNumber } from '../../calendar';
import {
  fitDailyModel,
  forecastDaily,
  forecastIntervals,
  MAX_HORIZON_DAYS,
  parseHistoryCsv,
  selectQueueHistory,
  type EventEffectSource,
  type QueueHistory,
} from '../../forecast';
import { CliUsageError } from '../cli-usage-error';
import { numberOption, requireOption } from '../parse-args';

const KNOWN = [
  'input',
  'queue',
  'country',
  'start',
  'horizon',
  'interval-minutes',
  'format',
  'time-zone',
  'lead-days',
];

/** Reads and checks the options shared by `forecast` and `backtest`; turns library errors into usage errors. */
export function loadQueue(
  options: Map<string, string>,
  known: readonly string[],
): {
  history: QueueHistory;
  country: string;
  timeZone: string;
  /** From `--events-from FILE [--events-from-queue NAME]`: the queue lending its event effects. */
  eventEffectSource?: EventEffectSource;
} {
  const allowed = [...known, ...EVENT_SOURCE_OPTIONS];
  for (const name of options.keys())
    if (!allowed.includes(name))
      throw new CliUsageError(
        `unknown option --${name}; expected: ${allowed.map((k) => `--${k}`).join(' ')}`,
      );
  const country = (options.get('country') ?? 'NL').toUpperCase();
  try {
    eventPresets(country);
  } catch (error) {
    throw new CliUsageError(`--country: ${(error as Error).message}`);
  }
  const timeZone = options.get('time-zone') ?? 'Europe/Amsterdam';
  const history = readQueueHistory(requireOption(options, 'input'), options.get('queue'), timeZone, 'input');
  const sourceFile = options.get('events-from');
  if (sourceFile === undefined) {
    if (options.has('events-from-queue'))
      throw new CliUsageError('--events-from-queue needs --events-from FILE');
    return { history, country, timeZone };
  }
  const source = readQueueHistory(sourceFile, options.get('events-from-queue'), timeZone, 'events-from');
  return { history, country, timeZone, eventEffectSource: { label: source.queue, history: source.daily } };
}

/** The options naming another queue's history whose event effects stand in for events the input never saw. */
const EVENT_SOURCE_OPTIONS = ['events-from', 'events-from-queue'];

function readQueueHistory(
  file: string,
  queue: string | undefined,
  timeZone: string,
  option: string,
): QueueHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `--${option}: cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return selectQueueHistory(parseHistoryCsv(text, timeZone, Date.now()), queue);
  } catch (error) {
    throw new CliUsageError(`${file}: ${(error as Error).message}`);
  }
}

function round(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`internal: non-finite forecast value ${value}`);
  return Math.round(value * 10) / 10;
}

export async function run(options: Map<string, string>): Promise<unknown> {
  const { history, country, timeZone, eventEffectSource } = loadQueue(options, KNOWN);
  const horizon = numberOption(options, 'horizon');
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_DAYS)
    throw new CliUsageError(
      `--horizon must be a whole number of days 1..${MAX_HORIZON_DAYS}, got "${options.get('horizon')}"`,
    );
  const format = options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new CliUsageError(`--format must be json or csv, got "${format}"`);
  const intervalMinutes = options.has('interval-minutes')
    ? numberOption(options, 'interval-minutes')
    : undefined;
  if (intervalMinutes !== undefined && ![15, 30, 60].includes(intervalMinutes))
    throw new CliUsageError(
      `--interval-minutes must be 15, 30 or 60, got "${options.get('interval-minutes')}"`,
    );
  const start = options.get('start');
  if (start !== undefined) {
    try {
      isoDateToDayNumber(start, '--start');
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }
  }
  const leadDays = numberOption(options, 'lead-days', 28);
  let model;
  let days;
  try {
    process.stderr.write(`peakplan: fitting ${history.queue} on ${history.daily.length} days\n`);
    model = fitDailyModel(history.daily, { country, leadDays, eventEffectSource });
    days = forecastDaily(model, horizon, start);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new CliUsageError(error.message);
    throw error;
  }
  const warnings = [...model.warnings];
  // With interval history the days are the totals of the interval forecast, as a forecast run's are
  // (forecastIntervals), so the command line and the service give the same days.
  const spread =
    intervalMinutes !== undefined || history.intervals.length > 0
      ? forecastIntervals(model, days, history.intervals, {
          intervalMinutes: intervalMinutes ?? 15,
          timeZone,
        })
      : undefined;
  if (spread) warnings.push(...spread.warnings);
  for (const warning of warnings) process.stderr.write(`peakplan: warning: ${warning}\n`);
  const result: Record<string, unknown> = {
    queue: history.queue,
    model: model.model,
    reason: model.selection.reason,
    warnings,
    days: (spread?.days ?? days).map((day) => ({
      date: day.date,
      p10: round(day.p10),
      p50: round(day.p50),
      p90: round(day.p90),
    })),
  };
  if (spread) result.intraday = { model: spread.intraday.name, reason: spread.intraday.reason };
  if (spread && intervalMinutes !== undefined)
    result.intervals = spread.intervals.map((slot) => ({
      start: slot.start,
      p10: round(slot.p10),
      p50: round(slot.p50),
      p90: round(slot.p90),
    }));
  if (format === 'csv') {
    const rows = (result.intervals ?? result.days) as Record<string, unknown>[];
    const key = result.intervals ? 'start' : 'date';
    return [`${key},p10,p50,p90`, ...rows.map((row) => `${row[key]},${row.p10},${row.p50},${row.p90}`)].join(
      '\n',
    );
  }
  return result;
}
