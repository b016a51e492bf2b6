import {
  accountDraftProblem,
  EMPTY_ACCOUNT_DRAFT,
  toCreateAccountRequest,
  toggleRole,
} from './account-draft';

describe('account-draft', () => {
  const filled = {
    name: ' Nora ',
    email: ' nora@example.com ',
    department: ' ',
    roles: ['planner' as const],
  };

  it('names the first field to fix', () => {
    expect(accountDraftProblem(EMPTY_ACCOUNT_DRAFT)).toMatch(/^Name:/);
    expect(accountDraftProblem({ ...filled, email: 'nora@' })).toMatch(/^Email:/);
    expect(accountDraftProblem({ ...filled, roles: [] })).toMatch(/^Roles:/);
    expect(accountDraftProblem(filled)).toBe('');
  });

  it('trims the request and sends no department for a blank one', () => {
    expect(toCreateAccountRequest(filled)).toEqual({
      name: 'Nora',
      email: 'nora@example.com',
      roles: ['planner'],
      department: null,
    });
  });

  it('ticks and unticks a role', () => {
    const both = toggleRole(EMPTY_ACCOUNT_DRAFT, 'planner');
    expect(both.roles).toEqual(['pool-member', 'planner']);
    expect(toggleRole(both, 'pool-member').roles).toEqual(['planner']);
  });
});
