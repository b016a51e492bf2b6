import type { PoolShiftDto } from '@peakplan/contracts';

import {
  cutoffText,
  markAnswer,
  myStateText,
  placesText,
  shiftAction,
  shiftHours,
  shiftLength,
  shiftPlace,
  shiftWhen,
  signUpAnswer,
} from './shift-text';

function shift(overrides: Partial<PoolShiftDto> = {}): PoolShiftDto {
  return {
    id: 's1',
    date: '2027-02-14',
    start: '09:00',
    end: '13:00',
    startsAt: '2027-02-14T09:00:00+01:00',
    endsAt: '2027-02-14T13:00:00+01:00',
    breakMinutes: 0,
    paidHours: 4,
    skill: 'phone',
    places: 3,
    confirmed: 1,
    waitlisted: 0,
    requested: 0,
    remote: true,
    location: null,
    signUpOpensAt: '2027-01-01T00:00:00+01:00',
    signUpClosesAt: '2027-02-13T09:00:00+01:00',
    withdrawalCutoffAt: '2027-02-13T09:00:00+01:00',
    allocation: 'first-come',
    status: 'open',
    peak: "Valentine's Day 2027",
    staffingPlanId: null,
    draftShiftId: null,
    mine: null,
    blockedBy: null,
    ...overrides,
  };
}

const BEFORE_CUTOFF = new Date('2027-02-10T12:00:00Z');
const AFTER_CUTOFF = new Date('2027-02-13T12:00:00Z');

describe('shift text', () => {
  it('writes the day nl-NL and the local hours, marking a shift past midnight', () => {
    // 14 February 2027 is a Sunday: "zo" in Dutch.
    expect(shiftWhen(shift())).toBe('zo 14 feb 2027, 09:00–13:00');
    expect(shiftHours({ start: '22:00', end: '02:00' })).toBe('22:00–02:00 (next day)');
  });

  it('gives the paid hours with a decimal comma and the break', () => {
    expect(shiftLength(shift())).toBe('4 h paid');
    expect(shiftLength(shift({ paidHours: 5.5, breakMinutes: 30 }))).toBe('5,5 h paid, 30 min break');
    expect(shiftPlace(shift({ remote: false, location: 'Utrecht' }))).toBe('On site: Utrecht');
    expect(shiftPlace(shift())).toBe('Remote');
  });

  it('counts places left, then the waitlist', () => {
    expect(placesText(shift())).toBe('2 of 3 places left');
    expect(placesText(shift({ places: 1, confirmed: 0 }))).toBe('1 of 1 place left');
    expect(placesText(shift({ confirmed: 3, waitlisted: 0 }))).toBe('Full: the waitlist is empty');
    expect(placesText(shift({ confirmed: 3, waitlisted: 1 }))).toBe('Full: 1 person on the waitlist');
    expect(placesText(shift({ confirmed: 3, waitlisted: 4 }))).toBe('Full: 4 people on the waitlist');
    expect(placesText(shift({ allocation: 'preference', requested: 5 }))).toBe('3 places, 5 requests so far');
  });

  it('offers the action that fits the shift and my sign-up', () => {
    expect(shiftAction(shift(), BEFORE_CUTOFF)).toBe('sign-up');
    expect(shiftAction(shift({ confirmed: 3 }), BEFORE_CUTOFF)).toBe('join-waitlist');
    expect(shiftAction(shift({ allocation: 'preference' }), BEFORE_CUTOFF)).toBe('request');
    expect(shiftAction(shift({ blockedBy: { code: 'overlap', reason: 'x' } }), BEFORE_CUTOFF)).toBe('none');
    const confirmed = shift({ mine: { id: 'u1', status: 'confirmed' } });
    expect(shiftAction(confirmed, BEFORE_CUTOFF)).toBe('withdraw');
    // After the cut-off a confirmed place can no longer be given back from here.
    expect(shiftAction(confirmed, AFTER_CUTOFF)).toBe('none');
    // A withdrawn sign-up holds nothing: the shift can be taken again.
    expect(shiftAction(shift({ mine: { id: 'u1', status: 'withdrawn' } }), BEFORE_CUTOFF)).toBe('sign-up');
    // A waitlisted member may always leave the line.
    expect(shiftAction(shift({ mine: { id: 'u1', status: 'waitlisted', position: 2 } }), AFTER_CUTOFF)).toBe(
      'leave-waitlist',
    );
  });

  it('says where I stand and what the sign-up answered', () => {
    expect(myStateText({ status: 'waitlisted', position: 2 })).toBe('You are number 2 on the waitlist');
    expect(myStateText(null)).toBeNull();
    expect(signUpAnswer({ id: 'u', shiftId: 's1', status: 'confirmed' }, shift())).toBe(
      'You are confirmed for zo 14 feb 2027, 09:00–13:00.',
    );
    expect(signUpAnswer({ id: 'u', shiftId: 's1', status: 'waitlisted', position: 3 }, shift())).toMatch(
      /is full: you are number 3 on the waitlist/,
    );
  });

  it('gives the cut-off in the organisation’s zone', () => {
    // 2027-02-13T09:00+01:00 is 09:00 in Amsterdam (winter time).
    expect(cutoffText(shift(), BEFORE_CUTOFF)).toBe('You can withdraw until 13 feb 2027, 09:00.');
    expect(cutoffText(shift(), AFTER_CUTOFF)).toMatch(/^The withdrawal cut-off passed on 13 feb 2027, 09:00/);
  });
});

describe('preference marks in words', () => {
  const times = shift({ allocation: 'preference' });

  it('says what the member marked, and the rank among their wants', () => {
    expect(myStateText({ status: 'requested', preference: 'can' })).toBe('You can take this shift');
    expect(myStateText({ status: 'requested', preference: 'want', rank: 2 })).toBe(
      'You want this shift (your choice 2)',
    );
    expect(myStateText({ status: 'requested', preference: 'want', rank: null })).toBe('You want this shift');
    expect(myStateText({ status: 'requested' })).toBe('You asked for this shift');
  });

  it('answers a saved mark in one sentence', () => {
    const when = shiftWhen(times);
    expect(markAnswer({ preference: 'can', rank: null }, times)).toBe(
      `Marked: you can take ${when}. Wants go first when the planner shares out the places.`,
    );
    expect(markAnswer({ preference: 'want', rank: 3 }, times)).toBe(
      `Marked: you want ${when}, as your choice 3.`,
    );
    expect(markAnswer({ preference: 'none', rank: null }, times)).toBe(`You no longer ask for ${when}.`);
  });
});
