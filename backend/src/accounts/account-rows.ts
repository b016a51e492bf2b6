import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AccountDto, Role } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { isUniqueViolation } from '../common/unique-violation';
import { queryOne, queryRows } from '../database/query-rows';

/**
 * Reading accounts and their departments, shared by the admin's single-account work
 * (`AccountsService`) and the CSV import (`AccountsImportService`).
 */

interface AccountRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department: string | null;
  active: boolean;
  has_password: boolean;
  locked_until: Date | null;
  pool_approval: AccountDto['poolApproval'];
}

const ACCOUNT_COLUMNS = `u.id, u.email, u.name, u.roles, d.name as department, u.active,
  u.password_hash is not null as has_password, case when u.locked_until > now() then u.locked_until end as locked_until,
  u.pool_approval`;

function toAccountDto(row: AccountRow): AccountDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: [...row.roles].sort(),
    department: row.department,
    active: row.active,
    hasPassword: row.has_password,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    poolApproval: row.pool_approval,
  };
}

/** Every account of the admin's organisation, by email. */
export async function listAccounts(manager: EntityManager, admin: SessionUser): Promise<AccountDto[]> {
  const rows = await queryRows<AccountRow>(
    manager,
    `select ${ACCOUNT_COLUMNS} from app_user u left join department d on d.id = u.department_id
      where u.organisation_id = $1 order by lower(u.email)`,
    [admin.organisationId],
  );
  return rows.map(toAccountDto);
}

/** One account of the admin's organisation; 404 for an unknown id or another organisation's account. */
export async function findAccount(
  manager: EntityManager,
  admin: SessionUser,
  id: string,
): Promise<AccountDto> {
  const row = await queryOne<AccountRow>(
    manager,
    `select ${ACCOUNT_COLUMNS} from app_user u left join department d on d.id = u.department_id
      where u.id = $1 and u.organisation_id = $2`,
    [id, admin.organisationId],
  );
  if (!row) throw new NotFoundException(`account ${id} does not exist`);
  return toAccountDto(row);
}

/** What the audit trail keeps of an account: never the password hash. */
export function auditView(account: AccountDto) {
  return {
    email: account.email,
    name: account.name,
    roles: account.roles,
    department: account.department,
    active: account.active,
  };
}

/** Two requests racing to create the same email: the loser gets 409, not 500. */
export async function withUniqueEmail<T>(conflictMessage: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictException(conflictMessage);
    }
    throw error;
  }
}

/**
 * The department's id by name, created when missing (its name added to `created` once). With
 * `create` false (a preview) a missing department is only noted, and null returned.
 */
export async function departmentIdByName(
  manager: EntityManager,
  organisationId: string,
  name: string,
  created: string[],
  create = true,
): Promise<string | null> {
  const found = await queryOne<{ id: string }>(
    manager,
    `select id from department where organisation_id = $1 and name = $2`,
    [organisationId, name],
  );
  if (found) return found.id;
  if (!created.includes(name)) created.push(name);
  if (!create) return null;
  const [{ id }] = await queryRows<{ id: string }>(
    manager,
    `insert into department (organisation_id, name) values ($1, $2) returning id`,
    [organisationId, name],
  );
  return id;
}
