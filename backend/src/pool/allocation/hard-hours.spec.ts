import { hardHours } from './hard-hours';

const ZONE = 'Europe/Amsterdam';

describe('hardHours', () => {
  it('counts evening, weekend and event-day hours, scaled to the paid hours', () => {
    // Thursday 17 December 2026, 16:00–22:00 CET (15:00–21:00 UTC), 30 min break: 5.5 paid hours,
    // 16 of 24 quarter hours from 18:00: 5.5 × 16 / 24 = 3.6667.
    const thursday = [new Date('2026-12-17T15:00:00Z'), new Date('2026-12-17T21:00:00Z')] as const;
    expect(hardHours(ZONE, thursday[0], thursday[1], 30, new Set())).toBeCloseTo(3.6667, 4);
    // Marked an event day: all 5.5 paid hours.
    expect(hardHours(ZONE, thursday[0], thursday[1], 30, new Set(['2026-12-17']))).toBe(5.5);
    // Saturday 19 December 09:00–13:00 CET, no break: 4.
    expect(
      hardHours(ZONE, new Date('2026-12-19T08:00:00Z'), new Date('2026-12-19T12:00:00Z'), 0, new Set()),
    ).toBe(4);
    // Monday 21 December 09:00–13:00: 0.
    expect(
      hardHours(ZONE, new Date('2026-12-21T08:00:00Z'), new Date('2026-12-21T12:00:00Z'), 0, new Set()),
    ).toBe(0);
    // Monday 06:00–10:00: 06:00–08:00 is evening (early morning): 2.
    expect(
      hardHours(ZONE, new Date('2026-12-21T05:00:00Z'), new Date('2026-12-21T09:00:00Z'), 0, new Set()),
    ).toBe(2);
  });
});
