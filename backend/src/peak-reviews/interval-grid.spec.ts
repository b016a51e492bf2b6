import { intervalGrid } from '@peakplan/forecasting';

import { actualsOnGrid, type ActualRow } from './interval-grid';
import { eventWindow } from './event-window';

describe('actualsOnGrid', () => {
  it('adds 15-minute rows into 30-minute intervals, AHT weighted by the handled contacts', () => {
    const grid = intervalGrid(['2026-02-14'], 30, 'Europe/Amsterdam');
    const at = (time: string) => Date.parse(`2026-02-14T${time}:00+01:00`);
    const rows: ActualRow[] = [
      { startMs: at('10:00'), offered: 10, abandoned: 1, ahtWeighted: 200 * 9, ahtWeight: 9 },
      { startMs: at('10:15'), offered: 20, abandoned: null, ahtWeighted: 300 * 20, ahtWeight: 20 },
      { startMs: at('10:30'), offered: 5, abandoned: null, ahtWeighted: 0, ahtWeight: 0 },
      {
        startMs: Date.parse('2026-02-15T00:00:00+01:00'),
        offered: 7,
        abandoned: 0,
        ahtWeighted: 0,
        ahtWeight: 0,
      },
    ];
    const slot = grid.starts.indexOf('2026-02-14T10:00:00+01:00');
    const result = actualsOnGrid(grid, rows, 30);
    expect(result.offered.slice(slot, slot + 2)).toEqual([30, 5]);
    expect(result.abandoned.slice(slot, slot + 2)).toEqual([1, null]);
    // (200 × 9 + 300 × 20) / 29 = 7800 / 29 = 268.97 s; the 10:30 interval has no AHT
    expect(result.ahtSeconds[slot]).toBeCloseTo(268.97, 2);
    expect(result.ahtSeconds[slot + 1]).toBeNull();
    expect(result.outside).toBe(1);
  });
});

describe('eventWindow', () => {
  it("spans Valentine's Day 2026 with its window (10 days before, 1 after)", () => {
    const valentines = {
      id: 'valentines',
      name: "Valentine's Day",
      rule: { kind: 'fixed' as const, month: 2, day: 14 },
      windowBefore: 10,
      windowAfter: 1,
    };
    expect(eventWindow(valentines, 2026)).toEqual({
      dates: ['2026-02-14'],
      from: '2026-02-04',
      to: '2026-02-15',
    });
  });
});
