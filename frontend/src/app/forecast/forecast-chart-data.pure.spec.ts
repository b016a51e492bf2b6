import type { ForecastDayDto } from '@peakplan/contracts';

import { toForecastChartData } from './forecast-chart-data';

function day(date: string, p50: number, events: string[] = [], closed = false): ForecastDayDto {
  return { date, p10: p50 - 10, p50, p90: p50 + 10, closed, events };
}

const NAMES = new Map([
  ['valentines', "Valentine's Day"],
  ['campaign', 'Spring campaign'],
]);

describe('toForecastChartData', () => {
  const run = {
    queueName: 'phone',
    forecastFrom: '2026-02-12',
    days: [
      day('2026-02-14', 300, ['valentines']),
      day('2026-02-12', 100, ['valentines']),
      day('2026-02-13', 200, ['valentines', 'campaign']),
      day('2026-02-15', 0, [], true),
      day('2026-02-16', 150, ['campaign']),
    ],
  };

  it('puts history before the forecast and the band on forecast days only', () => {
    const data = toForecastChartData(
      run,
      {
        days: [
          { date: '2026-02-10', offered: 90, handled: 90, abandoned: 0 },
          { date: '2026-02-11', offered: 95, handled: 90, abandoned: 5 },
          // A history day inside the forecast is not drawn as actual: the chart shows the forecast there.
          { date: '2026-02-12', offered: 999, handled: 0, abandoned: 0 },
        ],
      },
      NAMES,
      3,
    );
    expect(data.dates).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
    ]);
    expect(data.actual).toEqual([null, 90, 95, null, null, null, null, null]);
    expect(data.p50).toEqual([null, null, null, 100, 200, 300, 0, 150]);
    expect(data.p10).toEqual([null, null, null, 90, 190, 290, -10, 140]);
    expect(data.p90).toEqual([null, null, null, 110, 210, 310, 10, 160]);
    expect(data.forecastStartIndex).toBe(3);
    // 100 + 200 + 300 + 0 + 150
    expect(data.totalP50).toBe(750);
    expect(data.closedIndexes).toEqual([6]);
  });

  it('makes one named span per run of consecutive window days, cut where the window is cut', () => {
    const data = toForecastChartData(run, null, NAMES, 0);
    expect(data.eventWindows).toEqual([
      { key: 'valentines', name: "Valentine's Day", startIndex: 0, endIndex: 2 },
      { key: 'campaign', name: 'Spring campaign', startIndex: 1, endIndex: 1 },
      { key: 'campaign', name: 'Spring campaign', startIndex: 4, endIndex: 4 },
    ]);
  });

  it('names an unknown event by its key, and gives an empty chart for a run without days', () => {
    expect(
      toForecastChartData({ ...run, days: [day('2026-02-12', 1, ['mystery'])] }, null, NAMES, 0)
        .eventWindows[0].name,
    ).toBe('mystery');
    const empty = toForecastChartData({ ...run, days: [] }, null, NAMES, 28);
    expect(empty.dates).toEqual([]);
    expect(empty.forecastStartIndex).toBe(-1);
  });
});
