/* The "same weekday last year" baseline beside a reviewed peak's forecast, on both databases, from
 * day totals written by hand (derivation below). */
import { peakBaselines } from '@peakplan/backend/peak-reviews/peak-baselines';

import { startTestService, type TestService } from '../support/test-service';

describe('the same-weekday-last-year baseline of a peak review', () => {
  let service: TestService;
  let queueId: string;
  let otherQueueId: string;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 14, today: '2026-03-01' });
    const queues: { id: string }[] = await service.dataSource.query(`select id from queue order by name`);
    [queueId, otherQueueId] = queues.map((queue) => queue.id);
    // Far from the demo's 14 days: 10–12 Feb 2020 and the same weekdays 364 days before (Mondays to Wednesdays: 11–13 Feb 2019).
    const days: [string, number][] = [
      ['2020-02-10', 100],
      ['2020-02-11', 120],
      ['2020-02-12', 80],
      ['2019-02-11', 90],
      ['2019-02-12', 150],
      ['2019-02-13', 80],
    ];
    for (const [date, offered] of days)
      await service.dataSource.query(
        `insert into contact_history_daily (queue_id, local_date, offered, handled, abandoned) values ($1, $2, $3, $3, 0)`,
        [queueId, date, offered],
      );
  });
  afterAll(() => service?.stop());

  it('scores last year’s same weekdays as a forecast: WAPE 40/300, bias +20/300; null without last year', async () => {
    // Forecasts 90, 150, 80 against actuals 100, 120, 80: |errors| 10 + 30 + 0 = 40 over 300 contacts;
    // signed (forecast − actual) −10 + 30 + 0 = +20 over 300.
    const baselines = await peakBaselines(service.dataSource, [{ queueId }, { queueId: otherQueueId }], {
      from: '2020-02-10',
      to: '2020-02-12',
    });
    expect(baselines[0].queueId).toBe(queueId);
    expect(baselines[0].sameWeekdayLastYear!.days).toBe(3);
    expect(baselines[0].sameWeekdayLastYear!.wape).toBeCloseTo(40 / 300, 12);
    expect(baselines[0].sameWeekdayLastYear!.bias).toBeCloseTo(20 / 300, 12);
    expect(baselines[1]).toEqual({ queueId: otherQueueId, sameWeekdayLastYear: null });
  });
});
