import {
  addDays,
  eventPresets,
  runIntradayBacktest,
  ZoneClock,
  type IntervalObservation,
} from '@peakplan/forecasting';

import { generateDemoHistory } from '@peakplan/forecasting/demo';

import { DEMO_SEED, DEMO_TIME_ZONE } from './demo-loader';

/**
 * The intraday backtest a forecast run reports (parameters.intraday), on the demo organisation's own
 * seeded history as a first start on 2 December 2026 loads it: four years, the interval history of
 * the last three (as forecast-run-input.ts reads it), the demo's three peaks.
 */
function demoQueues(today: string): Map<string, IntervalObservation[]> {
  const clock = new ZoneClock(DEMO_TIME_ZONE);
  const byQueue = new Map<string, IntervalObservation[]>();
  const from = `${Number(today.slice(0, 4)) - 4}${today.slice(4)}`;
  for (const rows of generateDemoHistory({
    from,
    to: addDays(today, -1),
    timeZone: DEMO_TIME_ZONE,
    seed: DEMO_SEED,
  }))
    for (const row of rows) {
      const startMs = row.intervalStartMs;
      const local = clock.local(startMs);
      const list = byQueue.get(row.queueName) ?? [];
      list.push({
        start: new Date(startMs).toISOString(),
        startMs,
        localDate: local.date,
        localMinute: local.minuteOfDay,
        offered: row.offered,
      });
      byQueue.set(row.queueName, list);
    }
  return byQueue;
}

describe('demo queues: the intraday backtest’s P10–P90 coverage', () => {
  const today = '2026-12-02';
  const queues = demoQueues(today);
  const events = eventPresets('NL').filter((event) =>
    ['valentines', 'mothers-day', 'christmas'].includes(event.id),
  );
  const profileFrom = addDays(today, -1 - 3 * 366);

  // All three queues are generated (they share one random stream), email's backtest (measured 80.4% /
  // 83.9%, docs/numbers.md) is left out to keep the test fast.
  it.each(['phone', 'chat'])('%s: 75–85% of intervals and of days', (name) => {
    const intervals = queues.get(name)!;
    const totals = new Map<string, number>();
    for (const slot of intervals)
      totals.set(slot.localDate, (totals.get(slot.localDate) ?? 0) + slot.offered);
    const daily = [...totals].sort().map(([date, offered]) => ({ date, offered }));
    const report = runIntradayBacktest(
      intervals.filter((slot) => slot.localDate >= profileFrom),
      daily,
      { country: 'NL', events, leadDays: 28 },
    );
    // Measured: phone 79.5% / 82.1%, chat 81.0% / 81.0% (intervals / days). Before (bands calibrated
    // on 200 intervals, with errors of days inside the horizon scored): phone 79.1% / 86.9%, chat
    // 80.5% / 81.5%.
    expect(report.intervalCoverage).toBeGreaterThanOrEqual(0.75);
    expect(report.intervalCoverage).toBeLessThanOrEqual(0.85);
    expect(report.dayCoverage).toBeGreaterThanOrEqual(0.75);
    expect(report.dayCoverage).toBeLessThanOrEqual(0.85);
  });
});
