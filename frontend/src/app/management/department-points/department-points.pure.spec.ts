import type { MemberPointsDto } from '@peakplan/contracts';

import { departmentPointsSummary } from './department-points';

const row = (name: string, year: number): MemberPointsDto => ({
  memberId: name,
  name,
  department: 'Marketing',
  year,
  peak: null,
  balance: year,
});

describe('departmentPointsSummary', () => {
  it('counts only members who earned points, and writes the total nl-NL', () => {
    // 1.000 + 240 = 1.240 (nl-NL groups thousands with a dot); Cas earned nothing.
    expect(departmentPointsSummary([row('Ada', 1000), row('Bo', 240), row('Cas', 0)])).toBe(
      '2 members earned 1.240 points.',
    );
    expect(departmentPointsSummary([row('Ada', 18)])).toBe('1 member earned 18 points.');
  });
});
