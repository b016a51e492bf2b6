import type { PlanCoverageIntervalDto } from '@peakplan/contracts';

import { coverageDates, coverageDay } from './coverage-view';

function at(
  start: string,
  poolGap: number,
  published: number,
  confirmed: number,
  queue = 'phone',
): PlanCoverageIntervalDto {
  return { queue, start, poolGap, published, confirmed, open: published - confirmed };
}

describe('coverage view', () => {
  const intervals = [
    at('2027-02-13T09:15:00+01:00', 2, 3, 1),
    at('2027-02-13T09:00:00+01:00', 3, 3, 3),
    at('2027-02-13T09:30:00+01:00', 0, 3, 2),
    at('2027-02-14T09:00:00+01:00', 1, 0, 0),
    at('2027-02-13T09:00:00+01:00', 5, 0, 0, 'chat'),
  ];

  it('lists the days of a queue', () => {
    expect(coverageDates(intervals, 'phone')).toEqual(['2027-02-13', '2027-02-14']);
    expect(coverageDates(intervals, 'chat')).toEqual(['2027-02-13']);
  });

  it('orders a day, counts what is short and the filled share', () => {
    const day = coverageDay(intervals, 'phone', '2027-02-13');
    expect(day.rows.map((row) => [row.time, row.poolGap, row.confirmed, row.short])).toEqual([
      ['09:00', 3, 3, 0],
      ['09:15', 2, 1, 1],
      ['09:30', 0, 2, 0],
    ]);
    // Gap 3 + 2 + 0 = 5; confirmed 3 + 1 + 2 = 6 but only min(confirmed, gap) = 3 + 1 + 0 = 4 fills it: 4/5.
    expect(day.totals).toEqual({ poolGap: 5, published: 9, confirmed: 6, short: 1 });
    expect(day.filledShare).toBe(0.8);
    expect(day.intervalsShort).toBe(1);
  });

  it('has no filled share without a gap', () => {
    expect(coverageDay(intervals, 'phone', '2027-03-01')).toMatchObject({ rows: [], filledShare: null });
  });
});
