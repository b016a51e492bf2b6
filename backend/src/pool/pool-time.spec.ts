import { DateTime } from 'luxon';

import { dateInWords, paidHours, shiftInstants } from './pool-time';
import { effectiveCap, fitsWeeklyAvailability } from './sign-up-rules';

const ZONE = 'Europe/Amsterdam';

describe('shiftInstants', () => {
  it('keeps 09:00 local on both sides of the spring clock change (CET UTC+1, then CEST UTC+2)', () => {
    // Amsterdam: 28 March 2027 02:00 CET becomes 03:00 CEST.
    expect(shiftInstants(ZONE, '2027-03-26', '09:00', '13:00').startsAt.toUTC().toISO()).toBe(
      '2027-03-26T08:00:00.000Z',
    );
    expect(shiftInstants(ZONE, '2027-03-29', '09:00', '13:00').startsAt.toUTC().toISO()).toBe(
      '2027-03-29T07:00:00.000Z',
    );
  });

  it('ends an overnight shift on the next day, and counts the real hours across the autumn change', () => {
    // 30-31 October 2027: 03:00 CEST becomes 02:00 CET, so 22:00-06:00 lasts 9 hours.
    const { startsAt, endsAt } = shiftInstants(ZONE, '2027-10-30', '22:00', '06:00');
    expect(endsAt.toISODate()).toBe('2027-10-31');
    expect(paidHours(startsAt.toJSDate(), endsAt.toJSDate(), 60)).toBe(8);
  });

  it('refuses a clock time that the spring change skips', () => {
    expect(() => shiftInstants(ZONE, '2027-03-28', '02:30', '06:00')).toThrow(
      /does not exist in Europe\/Amsterdam/,
    );
  });
});

describe('dateInWords', () => {
  it('leaves the year out within the same year only', () => {
    expect(dateInWords('2027-01-03', '2027-05-01')).toBe('3 January');
    expect(dateInWords('2026-01-03', '2027-05-01')).toBe('3 January 2026');
  });
});

describe('effectiveCap', () => {
  it('takes the number, or the share of the people rounded down, or none', () => {
    expect(effectiveCap(4, null, 30)).toBe(4);
    // 0.1 x 26 = 2.6 -> 2; 0.29 x 100 = 29, though floating point gives 28.999999999999996
    expect(effectiveCap(null, 0.1, 26)).toBe(2);
    expect(effectiveCap(null, 0.29, 100)).toBe(29);
    expect(effectiveCap(null, null, 10)).toBeNull();
  });
});

describe('fitsWeeklyAvailability', () => {
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '18:00' }));

  it('fits a shift inside a window of its weekday; no windows means any time', () => {
    // 2027-03-29 is a Monday.
    expect(fitsWeeklyAvailability(weekdays, 1, at('2027-03-29T09:00'), at('2027-03-29T13:00'))).toBe(true);
    expect(fitsWeeklyAvailability(weekdays, 1, at('2027-03-29T16:00'), at('2027-03-29T20:00'))).toBe(false);
    expect(fitsWeeklyAvailability(weekdays, 7, at('2027-03-28T09:00'), at('2027-03-28T13:00'))).toBe(false);
    expect(fitsWeeklyAvailability([], 7, at('2027-03-28T09:00'), at('2027-03-28T13:00'))).toBe(true);
  });

  it('needs a window up to 24:00 for a shift past midnight', () => {
    const evenings = [{ weekday: 5, from: '18:00', to: '24:00' }];
    expect(fitsWeeklyAvailability(evenings, 5, at('2027-04-02T20:00'), at('2027-04-03T00:30'))).toBe(true);
    expect(fitsWeeklyAvailability(weekdays, 5, at('2027-04-02T17:00'), at('2027-04-03T00:30'))).toBe(false);
  });
});
