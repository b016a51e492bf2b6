import type { CreateAccountRequest, Role } from '@peakplan/contracts';

/**
 * The new-account form's state, its checks (each names the field) and the request it becomes. Pure
 * (type-only imports), so its spec runs under plain jest.
 */
export interface AccountDraft {
  name: string;
  email: string;
  department: string;
  roles: Role[];
}

/** The roles an admin can tick, in the order the forms show them. */
export const ROLE_CHOICES: readonly { role: Role; label: string }[] = [
  { role: 'planner', label: 'Planner' },
  { role: 'manager', label: 'Manager' },
  { role: 'pool-member', label: 'Pool member' },
  { role: 'admin', label: 'Admin' },
];

export const EMPTY_ACCOUNT_DRAFT: AccountDraft = {
  name: '',
  email: '',
  department: '',
  roles: ['pool-member'],
};

/** The same loose shape the server's email check accepts; the server has the last word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first problem of the draft as a sentence naming the field, or '' when it can be sent. */
export function accountDraftProblem(draft: AccountDraft): string {
  if (!draft.name.trim()) return 'Name: write the person’s name.';
  if (!EMAIL_SHAPE.test(draft.email.trim())) return 'Email: write an email address such as anna@example.com.';
  if (draft.roles.length === 0) return 'Roles: tick at least one role.';
  return '';
}

export function toCreateAccountRequest(draft: AccountDraft): CreateAccountRequest {
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    roles: draft.roles,
    department: draft.department.trim() || null,
  };
}

export function toggleRole(draft: AccountDraft, role: Role): AccountDraft {
  return { ...draft, roles: toggledRoles(draft.roles, role) };
}

/** The roles with one ticked (added at the end) or unticked. */
export function toggledRoles(roles: readonly Role[], role: Role): Role[] {
  return roles.includes(role) ? roles.filter((held) => held !== role) : [...roles, role];
}

/** Why the roles cannot be saved for this account, or '' when they can. */
export function rolesProblem(roles: readonly Role[], isMe: boolean): string {
  if (roles.length === 0) return 'Roles: tick at least one role.';
  if (isMe && !roles.includes('admin')) return 'Roles: you cannot take the admin role from yourself.';
  return '';
}
