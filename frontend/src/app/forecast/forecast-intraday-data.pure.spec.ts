import type { ForecastDayDto, ForecastIntervalDto } from '@peakplan/contracts';

import { busiestInterval, defaultIntradayDay, intradaySeries } from './forecast-intraday-data';

const day = (date: string, p50: number, extra: Partial<ForecastDayDto> = {}): ForecastDayDto => ({
  date,
  p10: p50 * 0.8,
  p50,
  p90: p50 * 1.2,
  closed: false,
  events: [],
  ...extra,
});

describe('defaultIntradayDay', () => {
  it('opens on the busiest open event day, even when an ordinary day is busier', () => {
    const days = [
      day('2027-02-10', 900),
      day('2027-02-12', 700, { events: ['valentines'] }),
      day('2027-02-13', 800, { events: ['valentines'] }),
      day('2027-02-14', 0, { closed: true, events: ['valentines'] }),
    ];
    expect(defaultIntradayDay(days)).toBe('2027-02-13');
  });

  it('falls back to the busiest open day, and to nothing when every day is closed', () => {
    expect(defaultIntradayDay([day('2027-03-01', 300), day('2027-03-02', 500)])).toBe('2027-03-02');
    expect(defaultIntradayDay([day('2026-12-25', 0, { closed: true })])).toBeNull();
  });
});

describe('intradaySeries and busiestInterval', () => {
  const intervals: ForecastIntervalDto[] = [
    { start: '2027-02-13T09:00:00+01:00', p10: 10, p50: 14, p90: 19 },
    { start: '2027-02-13T09:15:00+01:00', p10: 15, p50: 21, p90: 28 },
    { start: '2027-02-13T09:30:00+01:00', p10: 15, p50: 21, p90: 27 },
  ];

  it('labels each interval with its local start time and keeps the band', () => {
    expect(intradaySeries(intervals)).toEqual({
      labels: ['09:00', '09:15', '09:30'],
      forecast: [14, 21, 21],
      p10: [10, 15, 15],
      p90: [19, 28, 27],
    });
  });

  it('names the first of the busiest intervals', () => {
    expect(busiestInterval(intervals)?.start).toBe('2027-02-13T09:15:00+01:00');
    expect(busiestInterval([])).toBeNull();
  });
});
