import type { PoolShiftDto } from '@peakplan/contracts';

import { filterOptions, groupShifts } from './shift-groups';

function shift(
  id: string,
  date: string,
  start: string,
  peak: string | null,
  extra: Partial<PoolShiftDto> = {},
) {
  return {
    id,
    date,
    start,
    startsAt: `${date}T${start}:00+01:00`,
    skill: 'phone',
    remote: true,
    peak,
    ...extra,
  } as PoolShiftDto;
}

const SHIFTS = [
  shift('c', '2027-02-14', '13:00', "Valentine's Day 2027"),
  shift('loose', '2027-02-01', '09:00', null),
  shift('a', '2027-02-13', '09:00', "Valentine's Day 2027", { skill: 'chat' }),
  shift('b', '2027-02-14', '09:00', "Valentine's Day 2027", { remote: false }),
  shift('m', '2027-05-09', '09:00', "Mother's Day 2027"),
];

describe('groupShifts', () => {
  it('groups by peak (soonest first, loose shifts last), then by day, each day by start', () => {
    const groups = groupShifts(SHIFTS);
    expect(groups.map((group) => [group.peak, group.count])).toEqual([
      ["Valentine's Day 2027", 3],
      ["Mother's Day 2027", 1],
      [null, 1],
    ]);
    expect(groups[0].days.map((day) => [day.date, day.shifts.map((one) => one.id)])).toEqual([
      ['2027-02-13', ['a']],
      ['2027-02-14', ['b', 'c']],
    ]);
  });

  it('filters by day, skill and remote', () => {
    const ids = (filter: Parameters<typeof groupShifts>[1]) =>
      groupShifts(SHIFTS, filter).flatMap((group) =>
        group.days.flatMap((day) => day.shifts.map((one) => one.id)),
      );
    expect(ids({ day: '2027-02-14', skill: '', remote: 'any' })).toEqual(['b', 'c']);
    expect(ids({ day: '', skill: 'chat', remote: 'any' })).toEqual(['a']);
    expect(ids({ day: '', skill: '', remote: 'on-site' })).toEqual(['b']);
    expect(ids({ day: '2027-02-14', skill: '', remote: 'remote' })).toEqual(['c']);
    expect(ids({ day: '2027-03-01', skill: '', remote: 'any' })).toEqual([]);
  });

  it('offers the days and skills that occur', () => {
    expect(filterOptions(SHIFTS)).toEqual({
      days: ['2027-02-01', '2027-02-13', '2027-02-14', '2027-05-09'],
      skills: ['chat', 'phone'],
    });
  });
});
