import type { MyScheduleEntryDto } from '@peakplan/contracts';

import { parseSeen, promotions, seenStatuses } from './schedule-changes';

function entry(signUpId: string, status: MyScheduleEntryDto['status']): MyScheduleEntryDto {
  return { signUpId, status, shift: { id: `shift-${signUpId}` } as MyScheduleEntryDto['shift'] };
}

describe('schedule changes', () => {
  it('finds a waitlisted sign-up that is confirmed now, and nothing else', () => {
    const seen = seenStatuses([entry('a', 'waitlisted'), entry('b', 'confirmed'), entry('c', 'waitlisted')]);
    const now = [
      entry('a', 'confirmed'),
      entry('b', 'confirmed'),
      entry('c', 'waitlisted'),
      entry('d', 'confirmed'),
    ];
    expect(promotions(seen, now).map((one) => one.signUpId)).toEqual(['a']);
    expect(promotions({}, now)).toEqual([]);
  });

  it('reads back what was stored, ignoring anything unreadable', () => {
    expect(parseSeen(JSON.stringify({ a: 'waitlisted', b: 'confirmed' }))).toEqual({
      a: 'waitlisted',
      b: 'confirmed',
    });
    expect(parseSeen('{"a":"lost","b":"requested"}')).toEqual({ b: 'requested' });
    expect(parseSeen('not json')).toEqual({});
    expect(parseSeen('[1]')).toEqual({});
    expect(parseSeen(null)).toEqual({});
  });
});
