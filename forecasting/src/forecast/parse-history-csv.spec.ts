import { parseHistoryCsv, selectQueueHistory } from './parse-history-csv';

describe('parseHistoryCsv', () => {
  it('reads daily rows per queue', () => {
    const histories = parseHistoryCsv(
      'queue,start,offered\nchat,2026-01-02,5\nchat,2026-01-01,4\nmail,2026-01-01,1\n',
    );
    expect(selectQueueHistory(histories, 'chat').daily).toEqual([
      { date: '2026-01-01', offered: 4 },
      { date: '2026-01-02', offered: 5 },
    ]);
  });
  it('sums interval rows per local date (Amsterdam), across reasons', () => {
    // 23:30Z on 31 Dec is 00:30 on 1 Jan in Amsterdam (UTC+1 in winter).
    const text =
      'queue,start,offered,reason\n' +
      'chat,2025-12-31T23:30:00Z,2,billing\nchat,2025-12-31T23:30:00Z,3,delivery\nchat,2026-01-01T09:00:00+01:00,5,billing\n';
    const chat = selectQueueHistory(parseHistoryCsv(text));
    expect(chat.granularity).toBe('interval');
    expect(chat.daily).toEqual([{ date: '2026-01-01', offered: 10 }]);
    expect(chat.intervals.map((i) => [i.localMinute, i.offered])).toEqual([
      [30, 5],
      [540, 5],
    ]);
  });
  it.each([
    ['queue,start\nchat,2026-01-01\n', /row 1: the header must hold queue,start,offered/],
    ['queue,start,offered,colour\nchat,2026-01-01,1,red\n', /row 1: the header must hold/],
    ['queue,start,offered\n', /no rows/],
    ['', /empty/],
    ['queue,start,offered\nchat,2026-01-01,-3\n', /row 2: offered must be ≥ 0/],
    ['queue,start,offered\nchat,2026-01-01,x\n', /row 2: offered must be a whole number/],
    ['queue,start,offered\nchat,2026-01-01,1.5\n', /row 2: offered must be a whole number/],
    ['queue,start,offered\nchat,2026-01-01T08:00:00+15:00,2\n', /row 2: start has an impossible UTC offset/],
    ['queue,start,offered\nchat,2026-01-01,1,2\n', /row 2: row expected 3 columns, found 4/],
    ['queue,start,offered\nchat,01/02/2026,1\n', /row 2: start must be/],
    ['queue,start,offered\nchat,2026-02-30,1\n', /row 2: start is not a calendar date/],
    ['queue,start,offered\nchat,2026-01-01,1\nchat,2026-01-01,2\n', /row 3: duplicate timestamp/],
    [
      'queue,start,offered\nchat,2026-01-01,1\nchat,2026-01-02T08:00:00+01:00,2\n',
      /row 3: .*mixed granularities/,
    ],
    ['queue,start,offered\nchat,2026-01-02T08:00:00,2\n', /row 2: start must be/],
  ])('rejects bad input %#', (text, message) => {
    expect(() => parseHistoryCsv(text)).toThrow(message);
  });
  it('names an unknown or missing queue', () => {
    const histories = parseHistoryCsv('queue,start,offered\nchat,2026-01-01,1\nmail,2026-01-01,1\n');
    expect(() => selectQueueHistory(histories, 'phone')).toThrow(/queue "phone" is not in the input/);
    expect(() => selectQueueHistory(histories)).toThrow(/several queues/);
  });
});

describe('parseHistoryCsv with a clock', () => {
  // 2026-03-01 12:00 UTC: a daily row for tomorrow and an interval an hour ahead are in the future.
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('refuses history in the future, as the API does', () => {
    expect(() =>
      parseHistoryCsv('queue,start,offered\nchat,2026-03-02,1\n', 'Europe/Amsterdam', now),
    ).toThrow(/row 2: start 2026-03-02 is in the future \(today is 2026-03-01\)/);
    expect(() =>
      parseHistoryCsv('queue,start,offered\nchat,2026-03-01T14:00:00+01:00,1\n', 'Europe/Amsterdam', now),
    ).toThrow(/row 2: start .* is in the future/);
    expect(parseHistoryCsv('queue,start,offered\nchat,2026-03-01,1\n', 'Europe/Amsterdam', now).size).toBe(1);
  });
});
