import { eventPresets } from '@peakplan/forecasting';

import { eventOffsetKeys } from './event-offset-keys';

describe('eventOffsetKeys', () => {
  // NL presets: Valentine's 14 Feb (10 days before, 1 after); Christmas 25 Dec (21 before, 7 after).
  const events = eventPresets('NL').filter((event) => ['christmas', 'valentines'].includes(event.id));
  const keyOf = eventOffsetKeys(events, 2026, 2026);

  it("places each day by its offset from the event's date, and none outside the windows", () => {
    expect(keyOf('2026-02-04')).toBe('valentines:-10');
    expect(keyOf('2026-02-11')).toBe('valentines:-3');
    expect(keyOf('2026-02-15')).toBe('valentines:1');
    expect(keyOf('2026-02-16')).toBeNull();
    expect(keyOf('2026-03-01')).toBeNull();
  });

  it('covers windows that cross New Year, from the year before', () => {
    // Christmas 2025's window runs to 1 January 2026 (25 Dec + 7).
    expect(keyOf('2026-01-01')).toBe('christmas:7');
    expect(keyOf('2026-12-04')).toBe('christmas:-21');
  });
});
