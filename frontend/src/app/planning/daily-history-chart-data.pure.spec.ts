import type { DailyHistoryResponse, EventOccurrenceDto } from '@peakplan/contracts';

import { historyFacts, toDailyHistoryChartData } from './daily-history-chart-data';

function history(
  days: DailyHistoryResponse['days'],
  from = '2025-02-12',
  to = '2025-02-16',
): DailyHistoryResponse {
  return { queueId: 'q-phone', queueName: 'phone-nl', timeZone: 'Europe/Amsterdam', from, to, days };
}

const valentine: EventOccurrenceDto = { eventId: 'e-val', name: "Valentine's Day", date: '2025-02-14' };

describe('toDailyHistoryChartData', () => {
  it('puts one point per calendar day of the range, in order', () => {
    const data = toDailyHistoryChartData(
      history([
        { date: '2025-02-12', offered: 100, handled: 95, abandoned: 5 },
        { date: '2025-02-13', offered: 140, handled: 130, abandoned: 10 },
        { date: '2025-02-14', offered: 300, handled: 250, abandoned: 50 },
        { date: '2025-02-15', offered: 90, handled: 88, abandoned: 2 },
        { date: '2025-02-16', offered: 60, handled: 60, abandoned: 0 },
      ]),
      [],
    );
    expect(data.queueName).toBe('phone-nl');
    expect(data.dates).toEqual(['2025-02-12', '2025-02-13', '2025-02-14', '2025-02-15', '2025-02-16']);
    expect(data.offered).toEqual([100, 140, 300, 90, 60]);
    expect(data.handled).toEqual([95, 130, 250, 88, 60]);
    expect(data.abandoned).toEqual([5, 10, 50, 2, 0]);
    expect(data.daysWithHistory).toBe(5);
    expect(data.totalOffered).toBe(690);
    expect(data.peakDay).toEqual({ date: '2025-02-14', offered: 300 });
  });

  it('leaves a day without history as a gap (null), not as zero contacts', () => {
    const data = toDailyHistoryChartData(
      history([
        { date: '2025-02-12', offered: 100, handled: 95, abandoned: 5 },
        { date: '2025-02-16', offered: 60, handled: 60, abandoned: 0 },
      ]),
      [],
    );
    expect(data.offered).toEqual([100, null, null, null, 60]);
    expect(data.daysWithHistory).toBe(2);
  });

  it('keeps a real zero-contact day as zero', () => {
    const data = toDailyHistoryChartData(
      history([{ date: '2025-02-13', offered: 0, handled: 0, abandoned: 0 }]),
      [],
    );
    expect(data.offered).toEqual([null, 0, null, null, null]);
    expect(data.peakDay).toEqual({ date: '2025-02-13', offered: 0 });
  });

  it('ignores history rows outside the requested range', () => {
    const data = toDailyHistoryChartData(
      history([
        { date: '2025-02-11', offered: 999, handled: 999, abandoned: 0 },
        { date: '2025-02-12', offered: 100, handled: 95, abandoned: 5 },
      ]),
      [],
    );
    expect(data.offered[0]).toBe(100);
    expect(data.totalOffered).toBe(100);
  });

  it('marks an event day at the offered volume of that day, with the event name', () => {
    const data = toDailyHistoryChartData(
      history([{ date: '2025-02-14', offered: 300, handled: 250, abandoned: 50 }]),
      [valentine],
    );
    expect(data.eventMarkers).toEqual([
      { date: '2025-02-14', index: 2, names: ["Valentine's Day"], offered: 300, closed: false },
    ]);
  });

  it('merges events on the same day into one marker and sorts markers by date', () => {
    const data = toDailyHistoryChartData(history([]), [
      { eventId: 'e-camp', name: 'Spring campaign', date: '2025-02-15' },
      valentine,
      { eventId: 'e-promo', name: 'Flower promo', date: '2025-02-14' },
      valentine,
    ]);
    expect(data.eventMarkers.map((marker) => [marker.date, marker.names, marker.offered])).toEqual([
      ['2025-02-14', ["Valentine's Day", 'Flower promo'], null],
      ['2025-02-15', ['Spring campaign'], null],
    ]);
  });

  it('drops events outside the range', () => {
    const data = toDailyHistoryChartData(history([]), [
      { eventId: 'e-xmas', name: 'Christmas', date: '2024-12-25' },
    ]);
    expect(data.eventMarkers).toEqual([]);
  });

  it('gives an empty chart for an empty or inverted range', () => {
    const data = toDailyHistoryChartData(history([], '2025-02-16', '2025-02-12'), [valentine]);
    expect(data.dates).toEqual([]);
    expect(data.eventMarkers).toEqual([]);
    expect(data.peakDay).toBeNull();
  });

  it('crosses a daylight-saving change without losing or doubling a day', () => {
    // Europe/Amsterdam moved to summer time on 30 March 2025.
    const data = toDailyHistoryChartData(history([], '2025-03-29', '2025-03-31'), []);
    expect(data.dates).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
  });

  it('marks a day of a closed event as closed, beside an open event on another day', () => {
    const christmas: EventOccurrenceDto = { eventId: 'e-xmas', name: 'Christmas Day', date: '2025-02-15' };
    const data = toDailyHistoryChartData(
      history([{ date: '2025-02-14', offered: 300, handled: 250, abandoned: 50 }]),
      [valentine, christmas],
      new Set(['e-xmas']),
    );
    expect(data.eventMarkers.map((marker) => [marker.date, marker.closed, marker.offered])).toEqual([
      ['2025-02-14', false, 300],
      ['2025-02-15', true, null],
    ]);
  });
});

describe('historyFacts', () => {
  // The demo's phone queue over two years: the page wrote "1,817,381" and "2025-12-22 (9,734)" in
  // nl-NL, beside an axis that writes "10.000".
  const chart = { totalOffered: 1817381, peakDay: { date: '2025-12-22', offered: 9734 } };

  it("writes the totals and the busiest day in the organisation's locale", () => {
    expect(historyFacts(chart, 'nl-NL')).toEqual({
      offered: '1.817.381',
      busiestDay: { date: 'ma 22 dec 2025', offered: '9.734' },
    });
    expect(historyFacts(chart, 'en-GB')).toEqual({
      offered: '1,817,381',
      busiestDay: { date: 'Mon, 22 Dec 2025', offered: '9,734' },
    });
  });

  it('has no busiest day when the range has no history', () => {
    expect(historyFacts({ totalOffered: 0, peakDay: null }, 'nl-NL')).toEqual({
      offered: '0',
      busiestDay: null,
    });
  });
});
