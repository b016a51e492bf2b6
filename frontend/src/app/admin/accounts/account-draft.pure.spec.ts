import {
  accountDraftProblem,
  EMPTY_ACCOUNT_DRAFT,
  toCreateAccountRequest,
  rolesProblem,
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

  it('refuses no roles, and an admin taking the admin role from themself', () => {
    expect(rolesProblem([], false)).toBe('Roles: tick at least one role.');
    expect(rolesProblem(['planner'], true)).toBe('Roles: you cannot take the admin role from yourself.');
    expect(rolesProblem(['planner'], false)).toBe('');
    expect(rolesProblem(['admin', 'planner'], true)).toBe('');
  });
});
