import { shiftLabel, shiftWhen } from './shift-text';

describe('a pool shift in words (nl-NL)', () => {
  it('writes the weekday, date and times; 14 February 2026 is a Saturday (za)', () => {
    expect(shiftWhen({ date: '2026-02-14', start: '18:00', end: '22:00', skill: 'phone' })).toBe(
      'za 14 feb 2026, 18:00–22:00',
    );
    expect(shiftLabel({ date: '2026-02-14', start: '18:00', end: '22:00', skill: 'phone' })).toBe(
      'za 14 feb 2026, 18:00–22:00 · phone',
    );
  });

  it('says when a shift runs into the next day (end at or before start)', () => {
    expect(shiftWhen({ date: '2026-12-24', start: '22:00', end: '02:00', skill: 'chat' })).toBe(
      'do 24 dec 2026, 22:00–02:00 (next day)',
    );
  });
});
