import type {
  HindsightQueueDto,
  HindsightTotals,
  PeakReviewDto,
  PeakReviewSummaryDto,
} from '@peakplan/contracts';

import {
  dailySeries,
  defaultReviewDay,
  forecastGap,
  formatShare,
  intervalSeries,
  peakYears,
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

describe('peak reviews year by year', () => {
  const summary = (event: string, eventName: string, year: number): PeakReviewSummaryDto => ({
    id: `${event}-${year}`,
    event,
    eventName,
    year,
    from: `${year}-02-01`,
    to: `${year}-02-15`,
    computedAt: `${year}-02-16T03:00:00Z`,
    queues: ['phone'],
    totals: TOTALS,
  });

  it('puts each event on a row and each year in a column, oldest first, with gaps where not reviewed', () => {
    const table = peakYears([
      summary('valentines', "Valentine's Day", 2026),
      summary('christmas', 'Christmas', 2025),
      summary('valentines', "Valentine's Day", 2024),
    ]);
    expect(table.years).toEqual([2024, 2025, 2026]);
    expect(table.rows.map((row) => row.eventName)).toEqual(['Christmas', "Valentine's Day"]);
    expect(table.rows[0].cells.map((cell) => cell?.id ?? null)).toEqual([null, 'christmas-2025', null]);
    expect(table.rows[1].cells.map((cell) => cell?.id ?? null)).toEqual([
      'valentines-2024',
      null,
      'valentines-2026',
    ]);
  });

  it('measures the gap to the plan as a share of its forecast', () => {
    // 1,100 actual against 1,000 forecast: 10% more than planned.
    expect(forecastGap(TOTALS)).toBeCloseTo(0.1, 12);
    expect(forecastGap({ ...TOTALS, planForecast: null })).toBeNull();
  });
});
