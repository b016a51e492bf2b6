import { packIntervals, unpackIntervals } from './packed-intervals';

describe('unpackIntervals', () => {
  it('derives the start, local date and local minute from the packed instants with the zone clock', () => {
    // Amsterdam, 25 October 2026: 02:30 CEST (00:30 UTC) and, after the clocks fall back at 01:00 UTC,
    // 02:30 CET again (01:30 UTC); 23:30 UTC is already 26 October at 00:30 CET.
    const startMs = ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T23:30:00Z'].map(Date.parse);
    const unpacked = unpackIntervals({ startMs: startMs.join('\n'), offered: '4\n5\n6' }, 'Europe/Amsterdam');
    expect(unpacked).toEqual([
      {
        start: '2026-10-25T00:30:00.000Z',
        startMs: startMs[0],
        localDate: '2026-10-25',
        localMinute: 150,
        offered: 4,
      },
      {
        start: '2026-10-25T01:30:00.000Z',
        startMs: startMs[1],
        localDate: '2026-10-25',
        localMinute: 150,
        offered: 5,
      },
      {
        start: '2026-10-25T23:30:00.000Z',
        startMs: startMs[2],
        localDate: '2026-10-26',
        localMinute: 30,
        offered: 6,
      },
    ]);
    expect(packIntervals(unpacked)).toEqual({ startMs: startMs.join('\n'), offered: '4\n5\n6' });
  });

  it('refuses columns of different lengths', () => {
    expect(() => unpackIntervals({ startMs: '0\n900000', offered: '1' }, 'UTC')).toThrow(/different lengths/);
  });
});
