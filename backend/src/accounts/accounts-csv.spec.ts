import { parseAccountsCsv } from './accounts-csv';

describe('parseAccountsCsv', () => {
  it('reads rows in any column order, with several roles per person', () => {
    const { rows, problems } = parseAccountsCsv(
      'email,name,roles,department\r\nA.Visser@Example.com,Anna Visser,manager;pool-member,Finance\nb@example.com,Bram Bos,planner,\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: 'Anna Visser',
        email: 'a.visser@example.com',
        department: 'Finance',
        roles: ['manager', 'pool-member'],
      },
      { row: 3, name: 'Bram Bos', email: 'b@example.com', department: null, roles: ['planner'] },
    ]);
  });

  it('names the line and field of every problem', () => {
    const { problems } = parseAccountsCsv(
      [
        'name,email,department,role',
        'Anna,anna@example.com,HR,pool-member',
        ',not-an-email,HR,wizard',
        'Anna again,ANNA@example.com,HR,',
      ].join('\n'),
    );
    expect(problems).toEqual([
      { row: 3, field: 'name', reason: 'is empty' },
      { row: 3, field: 'email', reason: '"not-an-email" is not an email address' },
      { row: 3, field: 'roles', reason: '"wizard" is not a role; use admin, planner, manager, pool-member' },
      { row: 4, field: 'email', reason: 'anna@example.com is already on row 2' },
      { row: 4, field: 'roles', reason: 'is empty; use one or more of admin, planner, manager, pool-member' },
    ]);
  });

  it('refuses a file without the required header columns', () => {
    expect(parseAccountsCsv('name,email\nAnna,anna@example.com').problems).toEqual([
      {
        row: 1,
        reason: 'the header must name the columns name,email,department,roles; missing: department, roles',
      },
    ]);
    expect(parseAccountsCsv('').problems).toEqual([{ row: 1, reason: 'the file is empty' }]);
  });
});
