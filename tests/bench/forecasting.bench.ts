/* Forecasting engine speed, as ratios against the seasonal-naive baseline in the same run:
 * - fit + 120-day forecast of one queue with 4 years of daily history;
 * - the same for 1,000 queues, streamed through 2 worker threads (each queue generated, fitted,
 *   forecast and dropped, so memory stays flat in the number of queues);
 * - a ten-week fit borrowing event effects from the four-year queue, against the same fit alone;
 * - a year of 15-minute interval forecasts (spreadIntraday). */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

// tsx resolves the @peakplan/* aliases only from a root tsconfig.json, which this repo does not have
// (tsconfig.base.json), so the bench imports the library by path, like run-benchmarks imports benches.
import {
  fitDailyModel,
  forecastDaily,
  seasonalNaive,
  spreadIntraday,
  toDenseSeries,
  type DailyForecastDay,
  type DailyObservation,
} from '../../forecasting/src/forecast';
import { syntheticPhoneHistory } from '../../forecasting/src/demo';
import { timeMedian, type BenchLine, type BenchReport } from './run-benchmarks';

const HORIZON = 120;
const QUEUES = Number(process.env.BENCH_QUEUES ?? 1000);
const WORKERS = 2;

function fitAndForecast(history: readonly DailyObservation[]): number {
  const model = fitDailyModel(history, { country: 'NL' });
  return forecastDaily(model, HORIZON).length;
}

/** Baseline: validate the same history and forecast 120 days as y(d − 364). */
function naiveForecast(history: readonly DailyObservation[]): number {
  const series = toDenseSeries(history);
  const origin = series.startDay + series.values.length;
  let sum = 0;
  for (let day = origin; day < origin + HORIZON; day++) sum += seasonalNaive(series, origin, day);
  return sum;
}

interface WorkerTask {
  first: number;
  count: number;
  mode: 'model' | 'naive';
}

function runQueues({ first, count, mode }: WorkerTask): { heapMb: number[] } {
  const heapMb: number[] = [];
  for (let k = 0; k < count; k++) {
    const history = syntheticPhoneHistory(1000 + first + k);
    if (mode === 'model') fitAndForecast(history);
    else naiveForecast(history);
    if ((k + 1) % Math.max(1, Math.floor(count / 5)) === 0) heapMb.push(process.memoryUsage().heapUsed / 1e6);
  }
  return { heapMb };
}

async function inWorkers(mode: WorkerTask['mode']): Promise<{ ms: number; heapMb: number[][] }> {
  const started = process.hrtime.bigint();
  const perWorker = QUEUES / WORKERS;
  const results = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const task: WorkerTask = { first: w * perWorker, count: perWorker, mode };
      const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, {
        eval: true,
        workerData: task,
      });
      return new Promise<{ heapMb: number[] }>((resolve, reject) => {
        worker.once('message', (message: { heapMb: number[] }) => {
          void worker.terminate();
          resolve(message);
        });
        worker.once('error', reject);
      });
    }),
  );
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, heapMb: results.map((r) => r.heapMb) };
}

export async function run(): Promise<BenchReport> {
  const lines: BenchLine[] = [];
  const history = syntheticPhoneHistory();
  fitAndForecast(history); // warm-up
  const oneMs = await timeMedian(() => fitAndForecast(history), 15);
  const oneBaseline = await timeMedian(() => naiveForecast(history), 15);
  // CPU time as well as wall time: on a shared machine the wall time also counts other processes.
  const cpuStart = process.cpuUsage();
  for (let k = 0; k < 10; k++) fitAndForecast(history);
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / 10;
  lines.push({
    name: 'fit + 120-day forecast, 1 queue, 4 years daily',
    ms: oneMs,
    baseline: 'seasonal naive 120 days',
    baselineMs: oneBaseline,
    ratio: oneMs / oneBaseline,
    note: `CPU ${cpuMs.toFixed(1)} ms per queue; includes the ~20 rolling-origin backtest fits that choose weights and calibrate P10/P90`,
  });

  const naive = await inWorkers('naive');
  const model = await inWorkers('model');
  const heap = model.heapMb.map(
    (series) => `${series[0].toFixed(0)}→${series[series.length - 1].toFixed(0)} MB`,
  );
  lines.push({
    name: `fit + 120-day forecast, ${QUEUES} queues (${WORKERS} workers, streamed)`,
    ms: model.ms,
    baseline: `seasonal naive, ${QUEUES} queues`,
    baselineMs: naive.ms,
    ratio: model.ms / naive.ms,
    note: `both include generating each history; heap per worker after the first and last fifth of its queues: ${heap.join(', ')}`,
  });

  // A new queue of ten winter weeks that never saw Valentine's, with and without the four-year queue
  // lending its event effects: what the extra fit of the source costs.
  const winter = syntheticPhoneHistory(7, '2025-11-24', 70);
  const source = { label: 'phone', history };
  const borrowMs = await timeMedian(
    () => fitDailyModel(winter, { country: 'NL', eventEffectSource: source }),
    15,
  );
  const aloneMs = await timeMedian(() => fitDailyModel(winter, { country: 'NL' }), 15);
  lines.push({
    name: 'fit of 10 weeks borrowing event effects from 4 years of another queue',
    ms: borrowMs,
    baseline: 'the same fit without a source',
    baselineMs: aloneMs,
    ratio: borrowMs / aloneMs,
    note: 'the source is fitted (regression only, no backtests) on its days before the new queue ends',
  });

  const fitted = fitDailyModel(history, { country: 'NL' });
  const year: DailyForecastDay[] = forecastDaily(fitted, 365);
  const spreadMs = await timeMedian(() => spreadIntraday(year, { intervalMinutes: 15 }), 5);
  const flatMs = await timeMedian(() => {
    const slots: number[] = [];
    for (const day of year) for (let q = 0; q < 96; q++) slots.push(day.p50 / 96);
    return slots;
  }, 5);
  const intervals = spreadIntraday(year, { intervalMinutes: 15 }).intervals.length;
  lines.push({
    name: `a year of 15-minute intervals (${intervals} intervals, DST-aware)`,
    ms: spreadMs,
    baseline: 'flat split of each day into 96 quarters',
    baselineMs: flatMs,
    ratio: spreadMs / flatMs,
  });
  return { suite: 'forecasting', lines };
}

if (!isMainThread && workerData) parentPort?.postMessage(runQueues(workerData as WorkerTask));
