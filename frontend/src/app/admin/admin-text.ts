import type { AccountDto, AccountImportRow, AuditEventDto, Role } from '@peakplan/contracts';

import { formatInstant } from '../core/format/organisation-format';

/**
 * Sentences of the admin pages: an account's state, what an import row does, and an audit event in
 * words. Pure (type-only imports, Intl through organisation-format), so its spec runs under plain jest.
 */

const ROLE_NAMES: Record<Role, string> = {
  admin: 'admin',
  planner: 'planner',
  manager: 'manager',
  'pool-member': 'pool member',
};

export function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_NAMES[role] ?? role).join(', ');
}

/** Whether the account can sign in, and if not why: deactivated, locked, or no password yet. */
export function accountStateText(account: AccountDto): string {
  if (!account.active) return 'Deactivated';
  if (account.lockedUntil) return `Locked until ${formatInstant(account.lockedUntil)}`;
  if (!account.hasPassword) return 'Active, no password yet (reset it to hand one over)';
  return 'Active';
}

const FIELD_NAMES: Record<AccountImportRow['changes'][number], string> = {
  name: 'name',
  department: 'department',
  roles: 'roles',
};

/** What one row of an account import does (or, in a preview, would do). */
export function importRowText(row: AccountImportRow): string {
  const kept = row.rolesKept ? '; the file’s roles differ but the account keeps its own' : '';
  if (row.action === 'create') return 'New account (no password until you reset it)';
  if (row.action === 'change')
    return `Changes ${row.changes.map((field) => FIELD_NAMES[field]).join(', ')}${kept}`;
  return `Unchanged${kept}`;
}

const ACTION_TEXTS: Record<string, string> = {
  'account.created': 'Account created',
  'account.updated': 'Account changed',
  'account.deactivated': 'Account deactivated',
  'account.activated': 'Account activated again',
  'account.roles-changed': 'Roles changed',
  'account.password-reset': 'Password reset',
  'organisation.updated': 'Organisation settings changed',
};

/** `account.deactivated` → `Account deactivated`; an action without its own words reads as itself. */
export function auditActionText(action: string): string {
  const known = ACTION_TEXTS[action];
  if (known) return known;
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '–';
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(valueText).join(', ');
  if (typeof value === 'object') return objectText(value as Record<string, unknown>);
  return String(value);
}

/**
 * A nested object in words, `{ actual: 70316, intervals: 2592 }`, not compact JSON: compact JSON is one
 * unbreakable word that stretched the audit table far past the page.
 */
function objectText(value: Record<string, unknown>): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return '–';
  return `{ ${entries.map(([key, inner]) => `${key}: ${valueText(inner)}`).join(', ')} }`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Not a field of the thing but how the change came: said once, after the fields. */
const SOURCE_FIELD = 'source';
const SOURCE_TEXTS: Record<string, string> = { 'csv-import': 'by CSV import' };

/**
 * What an event changed, field by field: `active: yes → no`. A creation lists what was set; an event
 * without before and after (a password reset) says nothing more than its action. How the change came
 * (`source`) closes the list: `by CSV import`.
 */
export function auditChangeText(event: Pick<AuditEventDto, 'before' | 'after'>): string[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const hadBefore = event.before !== null && event.before !== undefined;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => field !== SOURCE_FIELD,
  );
  const lines: string[] = [];
  for (const field of fields) {
    const was = valueText(before[field]);
    const now = valueText(after[field]);
    if (!hadBefore) lines.push(`${field}: ${now}`);
    else if (was !== now) lines.push(`${field}: ${was} → ${now}`);
  }
  const source = after[SOURCE_FIELD];
  if (typeof source === 'string') lines.push(SOURCE_TEXTS[source] ?? `by ${source}`);
  return lines;
}

/**
 * What an event is about, as people know it: the account's email or the thing's name when the event
 * carries one, or the email of an account the page knows by id (a password reset carries none), else
 * its kind and the start of its id.
 */
export function auditEntityText(
  event: Pick<AuditEventDto, 'entityType' | 'entityId' | 'before' | 'after'>,
  accountEmails: ReadonlyMap<string, string> = new Map(),
): string {
  const state = { ...asRecord(event.before), ...asRecord(event.after) };
  const known =
    event.entityType === 'account' && event.entityId ? accountEmails.get(event.entityId) : undefined;
  const label = [state['email'], state['name'], known].find(
    (value) => typeof value === 'string' && value !== '',
  );
  const kind = event.entityType.replace(/[._-]+/g, ' ');
  if (label) return `${kind} ${String(label)}`;
  return event.entityId ? `${kind} ${event.entityId.slice(0, 8)}` : kind;
}
