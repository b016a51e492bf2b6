import type { DepartmentBookingDto, DepartmentCapDto } from '@peakplan/contracts';

import { bookingsByDay, bookingStatusText, capDraftOf, capRequestOf, capText } from './approval-text';

const CAP: DepartmentCapDto = {
  departmentId: 'd',
  department: 'Marketing',
  people: 24,
  maxPeople: null,
  maxShare: null,
  effectiveMax: null,
};

describe('department cap in words and as a request', () => {
  it('says the cap as people, as a share (rounded down), or none', () => {
    expect(capText({ ...CAP, maxPeople: 3, effectiveMax: 3 })).toBe(
      'At most 3 of your 24 people away in the pool at once.',
    );
    // 12,5% of 24 people = 3 people.
    expect(capText({ ...CAP, maxShare: 0.125, effectiveMax: 3 })).toMatch(
      /^At most 13% of your 24 people .*: 3 now/,
    );
    expect(capText(CAP)).toMatch(/^No cap/);
  });

  it('turns the form into the request, refusing what the API would', () => {
    expect(capRequestOf({ kind: 'people', value: '3' })).toEqual({
      request: { maxPeople: 3, maxShare: null },
    });
    // A percentage with a Dutch decimal comma: 12,5% → 0.125.
    expect(capRequestOf({ kind: 'share', value: '12,5' })).toEqual({
      request: { maxPeople: null, maxShare: 0.125 },
    });
    expect(capRequestOf({ kind: 'none', value: 'x' })).toEqual({
      request: { maxPeople: null, maxShare: null },
    });
    expect(capRequestOf({ kind: 'people', value: '2.5' })).toEqual({
      problem: 'The most people must be a whole number, 0 or more.',
    });
    expect(capRequestOf({ kind: 'share', value: '140' })).toEqual({
      problem: 'The share must be between 0 and 100%.',
    });
    expect(capRequestOf({ kind: 'people', value: '' })).toEqual({
      problem: 'Give the most people as a number.',
    });
    expect(capDraftOf({ ...CAP, maxShare: 0.125 })).toEqual({ kind: 'share', value: '12.5' });
  });
});

describe('bookings by day', () => {
  function booking(
    memberId: string,
    date: string,
    status: DepartmentBookingDto['status'],
  ): DepartmentBookingDto {
    return { memberId, date, status } as DepartmentBookingDto;
  }

  it('groups by day and counts each confirmed person once', () => {
    const days = bookingsByDay([
      booking('ann', '2027-02-13', 'confirmed'),
      booking('ann', '2027-02-14', 'confirmed'),
      booking('ann', '2027-02-14', 'confirmed'),
      booking('bob', '2027-02-14', 'waitlisted'),
      booking('cas', '2027-02-14', 'confirmed'),
    ]);
    expect(days.map((day) => [day.date, day.bookings.length, day.confirmedPeople])).toEqual([
      ['2027-02-13', 1, 1],
      ['2027-02-14', 4, 2],
    ]);
    expect(bookingStatusText({ status: 'waitlisted', position: 2 })).toBe('waitlist no. 2');
  });
});
