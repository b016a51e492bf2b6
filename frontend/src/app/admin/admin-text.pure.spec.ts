import type { AccountDto } from '@peakplan/contracts';

import {
  accountStateText,
  auditActionText,
  auditChangeText,
  auditEntityText,
  importRowText,
  rolesText,
} from './admin-text';

const ACCOUNT: AccountDto = {
  id: 'a1',
  email: 'nina@example.com',
  name: 'Nina',
  roles: ['planner'],
  department: null,
  active: true,
  hasPassword: true,
  lockedUntil: null,
  poolApproval: 'pending',
};

describe('admin-text', () => {
  it('says why an account cannot sign in', () => {
    expect(accountStateText(ACCOUNT)).toBe('Active');
    expect(accountStateText({ ...ACCOUNT, active: false })).toBe('Deactivated');
    expect(accountStateText({ ...ACCOUNT, hasPassword: false })).toMatch(/^Active, no password yet/);
    // 08:15 UTC is 09:15 in Amsterdam in winter (the default zone, nl-NL).
    expect(accountStateText({ ...ACCOUNT, lockedUntil: '2026-02-14T08:15:00Z' })).toBe(
      'Locked until 14 feb 2026, 09:15',
    );
  });

  it('names roles for people', () => {
    expect(rolesText(['manager', 'pool-member'])).toBe('manager, pool member');
  });

  it('says what an import row does', () => {
    expect(importRowText({ row: 2, email: 'x@y', action: 'create', changes: [], rolesKept: false })).toMatch(
      /^New account/,
    );
    expect(
      importRowText({
        row: 3,
        email: 'x@y',
        action: 'change',
        changes: ['name', 'department'],
        rolesKept: true,
      }),
    ).toBe('Changes name, department; the file’s roles differ but the account keeps its own');
    expect(importRowText({ row: 4, email: 'x@y', action: 'unchanged', changes: [], rolesKept: false })).toBe(
      'Unchanged',
    );
  });

  it('writes audit actions as words', () => {
    expect(auditActionText('account.deactivated')).toBe('Account deactivated');
    expect(auditActionText('pool-member.approved')).toBe('Pool member approved');
    expect(auditActionText('')).toBe('–');
  });

  it('lists only the fields an event changed, and everything a creation set', () => {
    expect(
      auditChangeText({
        before: { email: 'n@x', active: true, roles: ['planner'] },
        after: { email: 'n@x', active: false, roles: ['planner', 'manager'] },
      }),
    ).toEqual(['active: yes → no', 'roles: planner → planner, manager']);
    expect(auditChangeText({ before: null, after: { email: 'n@x', department: null } })).toEqual([
      'email: n@x',
      'department: –',
    ]);
    expect(auditChangeText({ before: null, after: null })).toEqual([]);
  });

  it('writes a nested value as words that can wrap, not as one unbreakable line of JSON', () => {
    // A peak review's totals as the demo stores them: compact JSON here stretched the audit table to
    // about 3,000 px at a 1366 px window.
    const [totals, adjustments] = auditChangeText({
      before: null,
      after: {
        totals: { actual: 70316, intervals: 2592, planForecast: 69782.5, byQueue: { chat: 1 } },
        adjustments: {},
      },
    });
    expect(totals).toBe(
      'totals: { actual: 70316, intervals: 2592, planForecast: 69782.5, byQueue: { chat: 1 } }',
    );
    expect(adjustments).toBe('adjustments: –');
    expect(Math.max(...totals.split(' ').map((word) => word.length))).toBeLessThan(20);
  });

  it('says how a change came once, after the fields, instead of as a changed field', () => {
    expect(
      auditChangeText({
        before: { name: 'Nora', active: true },
        after: { name: 'Nora Jansen', active: true, source: 'csv-import' },
      }),
    ).toEqual(['name: Nora → Nora Jansen', 'by CSV import']);
  });

  it('names what an event is about by email or name, else by kind and id', () => {
    expect(
      auditEntityText({
        entityType: 'account',
        entityId: 'f00dcafe-1',
        before: null,
        after: { email: 'n@x' },
      }),
    ).toBe('account n@x');
    expect(
      auditEntityText({ entityType: 'pool-member', entityId: '12345678-abcd', before: null, after: null }),
    ).toBe('pool member 12345678');
    expect(auditEntityText({ entityType: 'organisation', entityId: null, before: null, after: null })).toBe(
      'organisation',
    );
    // A password reset carries no email: the page's list of accounts names it.
    const reset = { entityType: 'account', entityId: 'ce5f451a-77', before: null, after: null };
    expect(auditEntityText(reset, new Map([['ce5f451a-77', 'nora@x']]))).toBe('account nora@x');
    expect(auditEntityText(reset)).toBe('account ce5f451a');
  });
});
