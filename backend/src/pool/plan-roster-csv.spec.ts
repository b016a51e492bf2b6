import type { PlanRosterDto } from '@peakplan/contracts';

import { csvField, planRosterCsv } from './plan-roster-csv';

describe('planRosterCsv', () => {
  it('writes a header and one line per place, an open place with empty member fields', () => {
    const roster: PlanRosterDto = {
      planId: 'p',
      scenarioName: 'Valentine',
      timeZone: 'Europe/Amsterdam',
      lines: [
        {
          shiftId: 's1',
          date: '2027-02-13',
          start: '09:00',
          end: '13:00',
          startsAt: '2027-02-13T09:00:00+01:00',
          endsAt: '2027-02-13T13:00:00+01:00',
          queue: 'phone',
          member: 'Ann de Vries, jr.',
          email: 'ann@example.test',
          department: 'Sales',
        },
        {
          shiftId: 's1',
          date: '2027-02-13',
          start: '09:00',
          end: '13:00',
          startsAt: '2027-02-13T09:00:00+01:00',
          endsAt: '2027-02-13T13:00:00+01:00',
          queue: 'phone',
          member: null,
          email: null,
          department: null,
        },
      ],
    };
    expect(planRosterCsv(roster).split('\r\n')).toEqual([
      'date,start,end,starts_at,ends_at,queue,member,email,department',
      '2027-02-13,09:00,13:00,2027-02-13T09:00:00+01:00,2027-02-13T13:00:00+01:00,phone,"Ann de Vries, jr.",ann@example.test,Sales',
      '2027-02-13,09:00,13:00,2027-02-13T09:00:00+01:00,2027-02-13T13:00:00+01:00,phone,,,',
      '',
    ]);
  });

  it('quotes quotes and defuses formulas', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-1,2')).toBe(`"'-1,2"`);
    expect(csvField(null)).toBe('');
  });
});
