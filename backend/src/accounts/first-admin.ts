import { randomBytes } from 'node:crypto';

import { DataSource } from 'typeorm';

import { hashPassword } from '../auth/password-hashing';
import { queryRows } from '../database/query-rows';

export interface FirstAdminResult {
  accountId: string;
  created: boolean;
  /** Shown once; the person changes it after signing in (PUT /api/auth/password). */
  temporaryPassword: string;
}

/**
 * Outside demo mode no account has a default password, so the first admin is made here: the account
 * (created, or given the admin role) gets a random one-time password, unlocked and active. Creates the
 * organisation when there is none yet. The service need not run; the embedded data folder must not be in use.
 */
export async function ensureFirstAdmin(
  dataSource: DataSource,
  person: { email: string; name: string; organisationName?: string },
): Promise<FirstAdminResult> {
  const email = person.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new RangeError(`"${person.email}" is not an email address`);
  const temporaryPassword = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  return dataSource.transaction(async (manager) => {
    let [organisation] = await queryRows<{ id: string }>(
      manager,
      `select id from organisation order by created_at limit 1`,
    );
    if (!organisation) {
      [organisation] = await queryRows<{ id: string }>(
        manager,
        `insert into organisation (name) values ($1) returning id`,
        [person.organisationName ?? 'PeakPlan'],
      );
    }
    const [existing] = await queryRows<{ id: string }>(
      manager,
      `select id from app_user where lower(email) = $1`,
      [email],
    );
    let accountId: string;
    if (existing) {
      accountId = existing.id;
      await manager.query(
        `update app_user set roles = (select array(select distinct unnest(roles || '{admin}'::text[]) order by 1)),
                password_hash = $2, active = true, failed_login_count = 0, locked_until = null, updated_at = now()
          where id = $1`,
        [accountId, passwordHash],
      );
    } else {
      [{ id: accountId }] = await queryRows<{ id: string }>(
        manager,
        `insert into app_user (organisation_id, email, name, password_hash, roles) values ($1, $2, $3, $4, '{admin}') returning id`,
        [organisation.id, email, person.name, passwordHash],
      );
    }
    await manager.query(`delete from user_session where user_id = $1`, [accountId]);
    await manager.query(
      `insert into audit_event (organisation_id, action, entity_type, entity_id, after)
       values ($1, 'account.first-admin', 'account', $2, $3::jsonb)`,
      [organisation.id, accountId, JSON.stringify({ email, roles: ['admin'], created: !existing })],
    );
    return { accountId, created: !existing, temporaryPassword };
  });
}
