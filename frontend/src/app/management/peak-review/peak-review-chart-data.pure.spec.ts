import type { HindsightQueueDto, HindsightTotals, PeakReviewDto } from '@peakplan/contracts';

import {
  dailySeries,
  defaultReviewDay,
  formatShare,
  intervalSeries,
  reviewFigures,
} from './peak-review-chart-data';

const TOTALS: HindsightTotals = {
  actual: 1100,
  planForecast: 1000,
  neededHours: 50,
  neededProductiveHours: 35,
  scheduledHours: 48,
  overStaffedHours: 3.25,
  underStaffedHours: 5.5,
  intervalsOverStaffed: 13,
  intervalsUnderStaffed: 22,
  plannedIntervals: 192,
  intervals: 192,
  serviceLevelReached: 0.7812,
  abandonedShare: 0.04,
};

function slot(start: string, actual: number, p50: number | null) {
  return {
    start,
    actual,
    ahtSeconds: 300,
    ahtFromQueue: false,
    p10: p50 === null ? null : p50 * 0.8,
    p50,
    p90: p50 === null ? null : p50 * 1.2,
    planForecast: p50,
    needed: 3,
    neededScheduled: 4,
    scheduled: 4,
    overStaffedHours: 0,
    underStaffedHours: 0,
    serviceLevelReached: 0.8,
  };
}

const QUEUE = {
  queueId: 'q',
  queue: 'phone',
  kind: 'live',
  intervalMinutes: 15,
  days: [
    { date: '2026-02-13', ...TOTALS, actual: 500, planForecast: 450 },
    { date: '2026-02-14', ...TOTALS, actual: 600, planForecast: null },
  ],
  intervals: [
    slot('2026-02-13T10:00:00+01:00', 10, 9),
    slot('2026-02-14T10:00:00+01:00', 12, 10),
    slot('2026-02-14T10:15:00+01:00', 14, null),
  ],
} as unknown as HindsightQueueDto;

describe('peak review chart data', () => {
  it('puts each day’s actual beside the plan’s forecast, a missing forecast left as a gap', () => {
    expect(dailySeries(QUEUE)).toEqual({
      labels: ['2026-02-13', '2026-02-14'],
      actual: [500, 600],
      forecast: [450, null],
    });
  });

  it('gives one day’s intervals with local clock labels and the P10–P90 band', () => {
    expect(intervalSeries(QUEUE, '2026-02-14')).toEqual({
      labels: ['10:00', '10:15'],
      actual: [12, 14],
      forecast: [10, null],
      p10: [8, null],
      p90: [12, null],
    });
  });

  it('opens on the event day when it has intervals, else the first day', () => {
    const review = { eventDates: ['2026-02-14'] } as PeakReviewDto;
    expect(defaultReviewDay(review, QUEUE)).toBe('2026-02-14');
    expect(defaultReviewDay({ eventDates: ['2026-02-20'] } as PeakReviewDto, QUEUE)).toBe('2026-02-13');
    expect(defaultReviewDay(review, { ...QUEUE, intervals: [] })).toBeNull();
  });

  it('prints the key figures with units in nl-NL: (1100 − 1000) / 1000 = +10% against the plan', () => {
    expect(reviewFigures(TOTALS)).toEqual([
      { label: 'Contacts', value: '1.100', hint: 'plan forecast 1.000 (+10,0%)' },
      { label: 'Over-staffed', value: '3 h', hint: '13 intervals with more people than the actuals needed' },
      { label: 'Under-staffed', value: '6 h', hint: '22 intervals short of what the actuals needed' },
      {
        label: 'Service level reached',
        value: '78,1%',
        hint: 'estimated (Erlang) from the people rostered and the actual contacts',
      },
    ]);
    expect(reviewFigures({ ...TOTALS, planForecast: null, serviceLevelReached: null })[0].hint).toBe(
      'no plan covered this window',
    );
    expect(formatShare(null)).toBe('–');
    expect(formatShare(-0.0349, true)).toBe('-3,5%');
  });
});
