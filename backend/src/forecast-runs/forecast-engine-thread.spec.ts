import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { eventPresets, type IntervalObservation } from '@peakplan/forecasting';

import { generateDemoHistory } from '@peakplan/forecasting/demo';
import { runForecastEngine, type ForecastEngineStage } from './forecast-engine';
import type { ForecastEngineJob } from './forecast-engine-messages';
import { ForecastEngineThread } from './forecast-engine-thread';
import { packIntervals, unpackIntervals } from './packed-intervals';

const timeZone = 'Europe/Amsterdam';

/** The demo phone queue's history, 14 months up to 28 Feb 2026: one Valentine's Day peak in it. */
function phoneJob(): ForecastEngineJob {
  const daily = new Map<string, number>();
  const intervals: IntervalObservation[] = [];
  for (const day of generateDemoHistory({ from: '2025-01-01', to: '2026-02-28', timeZone, seed: 7 })) {
    for (const row of day) {
      if (row.queueName !== 'phone') continue;
      const start = DateTime.fromMillis(row.intervalStartMs, { zone: timeZone });
      const localDate = start.toISODate()!;
      daily.set(localDate, (daily.get(localDate) ?? 0) + row.offered);
      intervals.push({
        start: start.toUTC().toISO()!,
        startMs: start.toMillis(),
        localDate,
        localMinute: start.hour * 60 + start.minute,
        offered: row.offered,
      });
    }
  }
  return {
    settings: {
      daily: [...daily].map(([date, offered]) => ({ date, offered })),
      events: eventPresets('NL'),
      country: 'NL',
      leadDays: 28,
      forecastFrom: '2026-03-01',
      horizonDays: 28,
      intervalMinutes: 15,
      timeZone,
    },
    intervals: packIntervals(intervals),
  };
}

describe('ForecastEngineThread', () => {
  const job = phoneJob();
  // The engine on this thread is the reference: the worker must give the very same numbers.
  const expected = runForecastEngine({
    ...job.settings,
    intervals: unpackIntervals(job.intervals, timeZone),
  });

  it('packs and unpacks interval history without changing a value', () => {
    const intervals = unpackIntervals(job.intervals, timeZone);
    expect(intervals.length).toBeGreaterThan(20_000); // the phone queue's open quarter-hours
    expect(intervals[0].startMs).toBe(Date.parse(intervals[0].start));
    expect(packIntervals(intervals)).toEqual(job.intervals);
    expect(unpackIntervals(packIntervals([]), timeZone)).toEqual([]);
  });

  it('runs the engine on a worker thread loaded from the TypeScript sources, same numbers, stages in order', async () => {
    const thread = new ForecastEngineThread();
    try {
      const stages: ForecastEngineStage[] = [];
      const result = await thread.run(job, (stage) => stages.push(stage));
      expect(thread.usesWorker).toBe(true);
      expect(stages).toEqual(['fitting', 'backtest', 'spreading intervals']);
      expect(result).toEqual(expected);
      // an engine error comes back with its class and message
      await expect(thread.run({ ...job, settings: { ...job.settings, horizonDays: 0 } })).rejects.toThrow(
        new RangeError('horizon must be an integer 1..730 days, got 0'),
      );
    } finally {
      await thread.stop();
    }
  });

  it('runs on this thread when no worker can start: none found, or one that fails while loading', async () => {
    const missing = new ForecastEngineThread(() => null);
    expect(await missing.run(job)).toEqual(expected);
    expect(missing.usesWorker).toBe(false);

    const folder = mkdtempSync(join(tmpdir(), 'peakplan-worker-'));
    writeFileSync(join(folder, 'broken.js'), `throw new Error('cannot load the engine');\n`);
    const broken = new ForecastEngineThread(() => ({
      file: join(folder, 'broken.js'),
      execArgv: [],
      loads: 'a broken file',
    }));
    expect(await broken.run(job)).toEqual(expected);
    expect(broken.usesWorker).toBe(false);
  });

  it('stopped while computing: the job fails as interrupted, nothing keeps running', async () => {
    const thread = new ForecastEngineThread();
    let computing!: () => void;
    const fitting = new Promise<void>((resolve) => (computing = resolve));
    const running = thread.run(job, (stage) => stage === 'fitting' && computing());
    await fitting;
    await thread.stop();
    await expect(running).rejects.toThrow(/interrupted/);
    // and a job after the stop is refused, not computed on this thread
    await expect(thread.run(job)).rejects.toThrow(/interrupted/);
    expect(thread.usesWorker).toBe(true);
  });
});
