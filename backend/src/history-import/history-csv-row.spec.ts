import { parseHistoryCsv } from '@peakplan/forecasting';

import { HistoryRowReader, type ImportRowError, type StagedHistoryRow } from './history-csv-row';

const QUEUES = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'phone', intervalMinutes: 15 },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Chat', intervalMinutes: 30 },
];
const NOW = Date.parse('2026-11-24T12:00:00Z');

function reader(header = ['queue', 'start', 'offered', 'reason']): HistoryRowReader {
  return new HistoryRowReader(header, QUEUES, '2026-11-24', NOW, 'Europe/Amsterdam');
}

function staged(start: string, queue = 'phone'): StagedHistoryRow {
  const read = reader().read([queue, start, '1', ''], 2);
  if (Array.isArray(read)) throw new Error(JSON.stringify(read));
  return read;
}

describe('HistoryRowReader', () => {
  it('reads the instant of a start in each offset notation (as Date.parse does)', () => {
    for (const start of [
      '2026-02-13T09:15:00+01:00',
      '2026-02-13T09:15+0100',
      '2026-02-13T08:15:00Z',
      '2026-02-13T08:15:00.000Z',
      '2026-02-13T03:15:00-05:00',
      '2026-02-13T13:45:00+05:30',
    ])
      expect(staged(start).startMs).toBe(Date.parse('2026-02-13T08:15:00Z'));
  });

  it('puts a row into the queue of its exact name, and refuses a name two queues share but for case', () => {
    const queues = [
      { id: '00000000-0000-4000-8000-00000000000a', name: 'test-q', intervalMinutes: 15 },
      { id: '00000000-0000-4000-8000-00000000000b', name: 'TEST-Q', intervalMinutes: 15 },
      ...QUEUES,
    ];
    const read = (queue: string) =>
      new HistoryRowReader(['queue', 'start', 'offered'], queues, '2026-11-24', NOW, 'Europe/Amsterdam').read(
        [queue, '2026-11-01', '7'],
        2,
      );
    // "TEST-Q" used to land in "test-q": every name was kept lower-cased and the last one won.
    expect(read('TEST-Q')).toMatchObject({
      queueId: '00000000-0000-4000-8000-00000000000b',
      queueName: 'TEST-Q',
    });
    expect(read('test-q')).toMatchObject({
      queueId: '00000000-0000-4000-8000-00000000000a',
      queueName: 'test-q',
    });
    expect(read('CHAT')).toMatchObject({ queueName: 'Chat' });
    const ambiguous = read('Test-Q') as ImportRowError[];
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ row: 2, field: 'queue' });
    expect(ambiguous[0].reason).toMatch(
      /^"Test-Q" could be any of the queues "TEST-Q", "test-q".*write the name exactly$/,
    );
  });

  it('starts a daily row at local midnight, also on the days the clocks change', () => {
    // Europe/Amsterdam: CET (UTC+1) in winter, CEST (UTC+2) from 29 March to 25 October 2026
    expect(staged('2026-01-15')).toMatchObject({ daily: true, intervalMinutes: 1440 });
    expect(new Date(staged('2026-01-15').startMs).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(staged('2026-03-29').startMs).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(staged('2026-07-01').startMs).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(staged('2026-10-25').startMs).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(staged('2026-10-25').start).toBe('2026-10-24T22:00:00.000Z');
  });

  it("checks a start against the queue's interval length, and finds the queue whatever its case", () => {
    expect(staged('2026-02-13T09:30:00+01:00', 'chat')).toMatchObject({ intervalMinutes: 30 });
    const reasons = (start: string, queue = 'Chat') => {
      const read = reader().read([queue, start, '1', ''], 7);
      return Array.isArray(read)
        ? read.map((problem) => `${problem.row} ${problem.field}: ${problem.reason}`)
        : [];
    };
    expect(reasons('2026-02-13T09:15:00+01:00')).toEqual([
      '7 start: 2026-02-13T09:15:00+01:00 does not start a 30-minute interval of queue "Chat"',
    ]);
    expect(reasons('2026-02-13T09:30:30+01:00')).toEqual([
      '7 start: 2026-02-13T09:30:30+01:00 does not start a 30-minute interval of queue "Chat"',
    ]);
    expect(reasons('2026-02-13T09:30:00.5+01:00')).toHaveLength(1);
    expect(reasons('2026-02-29T09:30:00+01:00')).toEqual([
      '7 start: is not a valid date-time: "2026-02-29T09:30:00+01:00"',
    ]);
    expect(reasons('2028-02-29')).toEqual(['7 start: 2028-02-29 is in the future (today is 2026-11-24)']);
    expect(reasons('2026-11-24T13:30:00+01:00')).toEqual([
      '7 start: 2026-11-24T13:30:00+01:00 is in the future',
    ]);
    expect(reasons('0000-01-01T00:00:00Z')).toEqual(['7 start: 0000-01-01T00:00:00Z is before 1900']);
    expect(reasons('0099-01-01')).toEqual(['7 start: 0099-01-01 is before 1900']);
    expect(reasons('2026-02-13T09:30:00+16:00')).toEqual([
      '7 start: has an impossible UTC offset: "2026-02-13T09:30:00+16:00"',
    ]);
  });

  it('refuses an average handle time too large for a number', () => {
    const read = reader(['queue', 'start', 'offered', 'aht_seconds']).read(
      ['phone', '2026-02-13T09:15:00+01:00', '1', '9'.repeat(400)],
      4,
    );
    expect(read).toEqual([{ row: 4, field: 'aht_seconds', reason: `is too large: ${'9'.repeat(20)}…` }]);
  });

  it('keeps leap days of leap years and refuses them otherwise', () => {
    expect(staged('2024-02-29').daily).toBe(true);
    const read = reader().read(['phone', '2100-02-29', '1', ''], 3);
    expect(read).toEqual([{ row: 3, field: 'start', reason: 'is not a calendar date: "2100-02-29"' }]);
  });
});

describe('one grammar for the API and the command line', () => {
  // The same records through the API's reader and forecasting's parseHistoryCsv (what `peakplan` reads):
  // each is accepted by both or refused by both, for the same column.
  const cases: [string, string | null][] = [
    ['phone,2026-02-13T09:15:00+01:00,3', null],
    ['phone,2026-02-13,120', null],
    ['phone,2026-02-13,1.5', 'offered'],
    ['phone,2026-02-13,-1', 'offered'],
    ['phone,2026-11-25,1', 'start'], // after today
    ['phone,2026-11-24T14:00:00+01:00,1', 'start'], // after now
    ['phone,2026-02-13T09:15:00+15:00,1', 'start'], // no such offset
    ['phone,2026-02-30,1', 'start'],
    ['phone,13/02/2026,1', 'start'],
    [',2026-02-13,1', 'queue'],
  ];
  it.each(cases)('%s', (line, field) => {
    const api = reader(['queue', 'start', 'offered']).read(line.split(','), 2);
    let cli: string | null = null;
    try {
      parseHistoryCsv(`queue,start,offered\n${line}\n`, 'Europe/Amsterdam', NOW);
    } catch (error) {
      cli = (error as Error).message;
    }
    if (field === null) {
      expect(Array.isArray(api)).toBe(false);
      expect(cli).toBeNull();
    } else {
      expect(Array.isArray(api) && api.map((error) => error.field)).toEqual([field]);
      expect(cli).toMatch(new RegExp(`^row 2: ${field} `));
    }
  });

  it('reads the optional quality columns, and names a count that cannot be', () => {
    const header = [
      'queue',
      'start',
      'offered',
      'reason',
      'repeat',
      'transferred',
      'nps_promoters',
      'nps_passives',
      'nps_detractors',
      'csat_responses',
      'csat_satisfied',
    ];
    const read = reader(header).read(
      ['phone', '2026-02-13T09:15:00+01:00', '40', 'order-status', '6', '2', '3', '1', '1', '', ''],
      2,
    );
    expect(read).toMatchObject({
      offered: 40,
      quality: {
        repeatContacts: 6,
        transferred: 2,
        npsPromoters: 3,
        npsPassives: 1,
        npsDetractors: 1,
        csatResponses: null,
        csatSatisfied: null,
      },
    });
    expect(
      reader(header).read(['phone', '2026-02-13T09:15:00+01:00', '4', '', '5', '', '', '', '', '3', '4'], 3),
    ).toEqual([
      { row: 3, field: 'repeat', reason: 'must not exceed offered (4), got 5' },
      { row: 3, field: 'csat_satisfied', reason: 'must not exceed csat_responses (3), got 4' },
    ]);
    // Without the columns every quality count is null: not measured, not zero.
    expect(staged('2026-02-13T09:15:00+01:00').quality.repeatContacts).toBeNull();
  });
});
