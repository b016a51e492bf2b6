import type { DraftShiftDto, PlanCoverageIntervalDto } from '@peakplan/contracts';

import { intervalMinutesOf, toShiftTimeline } from './shift-timeline';

function shift(
  id: string,
  start: string,
  end: string,
  count: number,
  breakAt?: [string, string],
): DraftShiftDto {
  return {
    id,
    queue: 'phone',
    start: `2027-02-13T${start}:00+01:00`,
    end: end.length > 5 ? end : `2027-02-13T${end}:00+01:00`,
    breakStart: breakAt ? `2027-02-13T${breakAt[0]}:00+01:00` : null,
    breakEnd: breakAt ? `2027-02-13T${breakAt[1]}:00+01:00` : null,
    count,
    paidHours: 4,
  };
}

function gap(start: string, poolGap: number, queue = 'phone'): PlanCoverageIntervalDto {
  return { queue, start: `2027-02-13T${start}:00+01:00`, poolGap, published: 0, confirmed: 0, open: 0 };
}

describe('toShiftTimeline', () => {
  it('places shifts in lanes and the gap as columns over the day span', () => {
    const [day] = toShiftTimeline(
      [
        shift('a', '09:00', '13:00', 2, ['11:00', '11:15']),
        shift('b', '12:00', '16:00', 1),
        shift('c', '13:00', '17:00', 1),
      ],
      [gap('09:00', 2), gap('09:30', 3), gap('12:00', 1), gap('10:00', 9, 'chat')],
      'phone',
    );
    // Span: an hour before 09:00 (08:00 = minute 480) to an hour after the last end 17:00 (18:00 = 1080): 600 minutes.
    expect(day.ticks.map((tick) => tick.label)).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
      '18:00',
    ]);
    // a: (540 − 480) / 600 = 10 %, 240 / 600 = 40 % wide; b starts at 12:00 while a runs: lane 1;
    // c starts at 13:00 when a ends: back in lane 0.
    expect(day.shifts.map((bar) => [bar.id, bar.label, bar.leftPct, bar.widthPct, bar.lane])).toEqual([
      ['a', '09:00–13:00', 10, 40, 0],
      ['b', '12:00–16:00', 40, 40, 1],
      ['c', '13:00–17:00', 50, 40, 0],
    ]);
    expect(day.lanes).toBe(2);
    // The break 11:00–11:15 in the 240-minute shift a: 120/240 = 50 % in, 15/240 = 6.25 % wide.
    expect(day.shifts[0].breakBar).toEqual({ leftPct: 50, widthPct: 6.25 });
    // 30-minute intervals (09:00 → 09:30); the 09:30 column: (570 − 480) / 600 = 15 %, 30/600 = 5 % wide,
    // the tallest (3 of 3); 09:00 is 2 of 3. The chat interval is another queue's.
    expect(day.gap.map((column) => [column.start, column.leftPct, column.widthPct])).toEqual([
      ['09:00', 10, 5],
      ['09:30', 15, 5],
      ['12:00', 40, 5],
    ]);
    expect(day.gap[1].heightPct).toBe(100);
    expect(day.gap[0].heightPct).toBeCloseTo(66.667, 2);
    // Gap hours: (2 + 3 + 1) agents × 30 min = 3 h; places 2 + 1 + 1.
    expect([day.gapHours, day.places, day.maxGap]).toEqual([3, 4, 3]);
  });

  it('runs a shift past midnight on past 24:00', () => {
    const [day] = toShiftTimeline([shift('n', '22:00', '2027-02-14T02:00:00+01:00', 1)], [], 'phone');
    expect(day.shifts[0].label).toBe('22:00–02:00');
    // Span 21:00 (1260) to 03:00 the next day (end 02:00 = 1560, plus an hour: 1620): 360 minutes; the shift
    // (1320 − 1260) / 360 = 16.67 % in and 240 / 360 = 66.67 % wide; 2-hour ticks only beyond 16 hours.
    expect(day.shifts[0].leftPct).toBeCloseTo(16.667, 2);
    expect(day.shifts[0].widthPct).toBeCloseTo(66.667, 2);
    expect(day.ticks[day.ticks.length - 1].label).toBe('03:00');
  });

  it('takes 15 minutes as the interval when a day has a single interval', () => {
    expect(intervalMinutesOf([gap('09:00', 1)])).toBe(15);
    expect(intervalMinutesOf([gap('09:00', 1), gap('09:15', 1), gap('10:00', 1)])).toBe(15);
  });
});
