import { ZoneClock } from '@peakplan/forecasting';

import { CoreStaffFileError, CoreStaffRowReader, type CoreStaffRow } from './core-staff-csv';

const queues = [
  { id: 'phone-id', name: 'phone', intervalMinutes: 15 },
  { id: 'chat-id', name: 'chat', intervalMinutes: 30 },
];
const period = { from: '2026-03-28', to: '2026-03-29' }; // the spring clock change in Amsterdam
const reader = (header = ['queue', 'start', 'agents']) =>
  new CoreStaffRowReader(header, queues, new Set(['email']), period, new ZoneClock('Europe/Amsterdam'));

describe('CoreStaffRowReader', () => {
  it('gives agents to the queue of the exact name, and refuses a name two queues share but for case', () => {
    const twins = [
      { id: 'lower-id', name: 'test-q', intervalMinutes: 15 },
      { id: 'upper-id', name: 'TEST-Q', intervalMinutes: 15 },
    ];
    const rows = new CoreStaffRowReader(
      ['queue', 'start', 'agents'],
      twins,
      new Set(),
      period,
      new ZoneClock('Europe/Amsterdam'),
    );
    expect(rows.read(['test-q', '2026-03-28T09:00:00+01:00', '1'], 2)).toMatchObject({ queueId: 'lower-id' });
    expect(rows.read(['TEST-Q', '2026-03-28T09:00:00+01:00', '1'], 3)).toMatchObject({ queueId: 'upper-id' });
    const ambiguous = rows.read(['Test-Q', '2026-03-28T09:15:00+01:00', '1'], 4) as { reason: string }[];
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0].reason).toMatch(/^"Test-Q" could be any of the queues "test-q", "TEST-Q"/);
  });

  it('reads a row: queue by name (any case), start with offset or Z, agents', () => {
    const rows = reader(['Agents', ' queue', 'START']);
    expect(rows.read(['12', 'Phone', '2026-03-28T09:15:00+01:00'], 2)).toEqual<CoreStaffRow>({
      row: 2,
      queueId: 'phone-id',
      startMs: Date.UTC(2026, 2, 28, 8, 15),
      agents: 12,
    });
    // 08:30Z is 09:30 in Amsterdam (CET): a half-hour boundary for chat
    expect(rows.read(['0', 'chat', '2026-03-28T08:30Z'], 3)).toMatchObject({
      startMs: Date.UTC(2026, 2, 28, 8, 30),
      agents: 0,
    });
    // after the clock change: 03:00+02:00 is 01:00Z
    expect(rows.read(['3', 'phone', '2026-03-29T03:00:00+0200'], 4)).toMatchObject({
      startMs: Date.UTC(2026, 2, 29, 1),
    });
  });

  it('tells the two 02:15 of the autumn clock change apart by their offsets', () => {
    const autumn = new CoreStaffRowReader(
      ['queue', 'start', 'agents'],
      queues,
      new Set(),
      { from: '2026-10-25', to: '2026-10-25' },
      new ZoneClock('Europe/Amsterdam'),
    );
    // 02:15+02:00 (summer time) is 00:15Z; an hour later the clock shows 02:15 again, +01:00, 01:15Z
    expect(autumn.read(['phone', '2026-10-25T02:15:00+02:00', '5'], 2)).toMatchObject({
      startMs: Date.UTC(2026, 9, 25, 0, 15),
    });
    expect(autumn.read(['phone', '2026-10-25T02:15:00+01:00', '6'], 3)).toMatchObject({
      startMs: Date.UTC(2026, 9, 25, 1, 15),
    });
  });

  it('refuses a header that is not queue,start,agents', () => {
    expect(() => reader(['queue', 'start'])).toThrow(CoreStaffFileError);
    expect(() => reader(['queue;start;agents'])).toThrow(/semicolon/);
    let refusal: unknown;
    try {
      reader(['queue', 'start', 'agents', 'note']);
    } catch (error) {
      refusal = error;
    }
    expect((refusal as CoreStaffFileError).details).toEqual([
      { row: 1, field: 'note', reason: 'unknown column; expected queue, start, agents' },
    ]);
  });

  it('says per row and field what is wrong', () => {
    const rows = reader();
    const reasons = (record: string[]): string[] => {
      const read = rows.read(record, 7);
      return Array.isArray(read) ? read.map((error) => `${error.field}: ${error.reason}`) : [];
    };
    expect(reasons(['fax', '2026-03-28T09:00:00+01:00', '1'])).toEqual([
      'queue: unknown queue "fax" (this scenario\'s queues: phone, chat)',
    ]);
    expect(reasons(['email', '2026-03-28T09:00:00+01:00', '1'])[0]).toMatch(/not planned in this scenario/);
    expect(reasons(['phone', '2026-03-28T09:10:00+01:00', '1'])).toEqual([
      'start: 2026-03-28T09:10:00+01:00 does not start a 15-minute interval of queue "phone"',
    ]);
    expect(reasons(['chat', '2026-03-28T09:15:00+01:00', '1'])[0]).toMatch(/30-minute interval/);
    // 23:30Z on the 29th is 01:30 on the 30th in Amsterdam: after the period
    expect(reasons(['phone', '2026-03-29T23:30:00Z', '1'])[0]).toMatch(/outside the scenario's period/);
    expect(reasons(['phone', '2026-03-27T23:45:00+01:00', '1'])[0]).toMatch(/outside/);
    expect(reasons(['phone', '2026-03-28 09:00', '1'])[0]).toMatch(/ISO date-time with offset/);
    expect(reasons(['phone', '2026-02-30T09:00:00+01:00', '1'])[0]).toMatch(/not a valid date-time/);
    expect(reasons(['phone', '2026-03-28T09:00:00+01:00', '-2'])).toEqual(['agents: must be ≥ 0, got -2']);
    expect(reasons(['phone', '2026-03-28T09:00:00+01:00', '2.5'])[0]).toMatch(/whole number/);
    expect(reasons(['', '', ''])).toEqual(['queue: is empty', 'start: is empty', 'agents: is empty']);
    expect(reasons(['phone', '2026-03-28T09:00:00+01:00'])).toEqual(['row: expected 3 columns, found 2']);
  });

  it('refuses a second row for the same queue and interval, however its start is written', () => {
    const rows = reader();
    expect(Array.isArray(rows.read(['phone', '2026-03-28T09:00:00+01:00', '4'], 2))).toBe(false);
    expect(rows.read(['PHONE', '2026-03-28T08:00:00Z', '5'], 3)).toEqual([
      { row: 3, field: 'start', reason: 'duplicates row 2 (same queue and start)' },
    ]);
    expect(Array.isArray(rows.read(['chat', '2026-03-28T09:00:00+01:00', '4'], 4))).toBe(false);
  });
});
