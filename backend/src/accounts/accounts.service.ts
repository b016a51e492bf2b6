import { randomBytes } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type {
  AccountDto,
  AccountImportResult,
  AccountImportRow,
  PasswordResetResponse,
  Role,
} from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { hashPassword } from '../auth/password-hashing';
import { SessionsService } from '../auth/sessions.service';
import { isUniqueViolation } from '../common/unique-violation';
import { type AccountCsvRow, parseAccountsCsv } from './accounts-csv';
import type { CreateAccountDto } from './accounts.dto';

export interface AccountImportOptions {
  /** Write the changes; otherwise a preview that writes nothing. */
  apply: boolean;
  /** Set existing accounts' roles to the file's; otherwise their roles are kept. */
  changeRoles: boolean;
}

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

/** What the audit trail keeps of an account: never the password hash. */
function auditView(account: AccountDto) {
  return {
    email: account.email,
    name: account.name,
    roles: account.roles,
    department: account.department,
    active: account.active,
  };
}

/** Admin work on accounts. Every query is limited to the admin's own organisation. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(admin: SessionUser): Promise<AccountDto[]> {
    const rows: AccountRow[] = await this.dataSource.query(
      `select ${ACCOUNT_COLUMNS} from app_user u left join department d on d.id = u.department_id
        where u.organisation_id = $1 order by lower(u.email)`,
      [admin.organisationId],
    );
    return rows.map(toAccountDto);
  }

  async get(
    admin: SessionUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AccountDto> {
    const [row]: AccountRow[] = await manager.query(
      `select ${ACCOUNT_COLUMNS} from app_user u left join department d on d.id = u.department_id
        where u.id = $1 and u.organisation_id = $2`,
      [id, admin.organisationId],
    );
    if (!row) throw new NotFoundException(`account ${id} does not exist`);
    return toAccountDto(row);
  }

  async create(admin: SessionUser, body: CreateAccountDto): Promise<AccountDto> {
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    return this.uniqueEmail(`an account with email ${body.email.trim().toLowerCase()} already exists`, () =>
      this.createInTransaction(admin, body, passwordHash),
    );
  }

  /** Two requests racing to create the same email: the loser gets 409, not 500. */
  private async uniqueEmail<T>(conflictMessage: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(conflictMessage);
      }
      throw error;
    }
  }

  private createInTransaction(
    admin: SessionUser,
    body: CreateAccountDto,
    passwordHash: string | null,
  ): Promise<AccountDto> {
    return this.dataSource.transaction(async (manager) => {
      const email = body.email.trim().toLowerCase();
      const [existing] = await manager.query(`select 1 from app_user where lower(email) = $1`, [email]);
      if (existing) throw new ConflictException(`an account with email ${email} already exists`);
      const departmentId = body.department
        ? await this.departmentId(manager, admin.organisationId, body.department.trim(), [])
        : null;
      const [{ id }] = await manager.query(
        `insert into app_user (organisation_id, email, name, password_hash, roles, department_id)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [
          admin.organisationId,
          email,
          body.name.trim(),
          passwordHash,
          [...new Set(body.roles)].sort(),
          departmentId,
        ],
      );
      const account = await this.get(admin, id, manager);
      await this.audit.record(
        {
          actor: admin,
          action: 'account.created',
          entityType: 'account',
          entityId: id,
          after: auditView(account),
        },
        manager,
      );
      return account;
    });
  }

  async setActive(admin: SessionUser, id: string, active: boolean): Promise<AccountDto> {
    if (!active && id === admin.id) throw new BadRequestException('you cannot deactivate your own account');
    const account = await this.dataSource.transaction(async (manager) => {
      const before = await this.get(admin, id, manager);
      await manager.query(
        `update app_user set active = $3, updated_at = now() where id = $1 and organisation_id = $2`,
        [id, admin.organisationId, active],
      );
      const after = await this.get(admin, id, manager);
      if (before.active !== after.active) {
        await this.audit.record(
          {
            actor: admin,
            action: active ? 'account.activated' : 'account.deactivated',
            entityType: 'account',
            entityId: id,
            before: auditView(before),
            after: auditView(after),
          },
          manager,
        );
      }
      return after;
    });
    if (!active) await this.sessions.endAllFor(id);
    return account;
  }

  async setRoles(admin: SessionUser, id: string, roles: Role[]): Promise<AccountDto> {
    if (id === admin.id && !roles.includes('admin'))
      throw new BadRequestException('you cannot take the admin role from yourself');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(admin, id, manager);
      await manager.query(
        `update app_user set roles = $3, updated_at = now() where id = $1 and organisation_id = $2`,
        [id, admin.organisationId, [...new Set(roles)].sort()],
      );
      const after = await this.get(admin, id, manager);
      await this.audit.record(
        {
          actor: admin,
          action: 'account.roles-changed',
          entityType: 'account',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        },
        manager,
      );
      return after;
    });
  }

  /** A random one-time password for the admin to hand over; unlocks the account and ends its sessions. */
  async resetPassword(admin: SessionUser, id: string): Promise<PasswordResetResponse> {
    const temporaryPassword = randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.get(admin, id, manager);
      await manager.query(
        `update app_user set password_hash = $3, failed_login_count = 0, locked_until = null, updated_at = now()
          where id = $1 and organisation_id = $2`,
        [id, admin.organisationId, passwordHash],
      );
      await this.audit.record(
        { actor: admin, action: 'account.password-reset', entityType: 'account', entityId: id },
        manager,
      );
    });
    await this.sessions.endAllFor(id);
    return { temporaryPassword };
  }

  /**
   * All rows or none: problems in any row refuse the whole file, each named by its line. Matches accounts
   * by email; importing the same file again changes nothing. Imported accounts get no password.
   * A preview unless `apply`: each row says whether it creates or changes an account, nothing is written.
   * An existing account's roles change only with `changeRoles`; no import takes the admin role from the
   * importing admin or leaves the organisation without an active admin.
   */
  async importCsv(
    admin: SessionUser,
    csv: string,
    options: AccountImportOptions,
  ): Promise<AccountImportResult> {
    const { rows, problems } = parseAccountsCsv(csv);
    if (problems.length > 0) {
      throw new BadRequestException({
        message: `the file was not imported: ${problems.length} problem(s), first on row ${problems[0].row}${problems[0].field ? ` (${problems[0].field})` : ''}: ${problems[0].reason}`,
        details: problems,
      });
    }
    return this.uniqueEmail(
      'another import or admin created one of these accounts meanwhile; import the file again',
      () => this.importRows(admin, rows, options),
    );
  }

  private importRows(
    admin: SessionUser,
    rows: AccountCsvRow[],
    options: AccountImportOptions,
  ): Promise<AccountImportResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: AccountImportResult = {
        applied: options.apply,
        created: 0,
        updated: 0,
        unchanged: 0,
        departmentsCreated: [],
        rows: [],
      };
      /** Accounts whose admin role this file takes away. */
      const adminsRemoved = new Set<string>();
      for (const row of rows) {
        const [existing]: { id: string; organisation_id: string }[] = await manager.query(
          `select id, organisation_id from app_user where lower(email) = $1 for update`,
          [row.email],
        );
        if (existing && existing.organisation_id !== admin.organisationId) {
          throw new BadRequestException({
            message: `row ${row.row} (email): ${row.email} belongs to another organisation; nothing was imported`,
            details: [{ row: row.row, field: 'email', reason: 'belongs to another organisation' }],
          });
        }
        const departmentId = row.department
          ? await this.departmentId(
              manager,
              admin.organisationId,
              row.department,
              result.departmentsCreated,
              options.apply,
            )
          : null;
        if (!existing) {
          result.rows.push({
            row: row.row,
            email: row.email,
            action: 'create',
            changes: [],
            rolesKept: false,
          });
          result.created++;
          if (!options.apply) continue;
          const [{ id }] = await manager.query(
            `insert into app_user (organisation_id, email, name, roles, department_id) values ($1, $2, $3, $4, $5) returning id`,
            [admin.organisationId, row.email, row.name, row.roles, departmentId],
          );
          const after = await this.get(admin, id, manager);
          await this.audit.record(
            {
              actor: admin,
              action: 'account.created',
              entityType: 'account',
              entityId: id,
              after: { ...auditView(after), source: 'csv-import' },
            },
            manager,
          );
          continue;
        }
        const before = await this.get(admin, existing.id, manager);
        const rolesDiffer = before.roles.join() !== row.roles.join();
        const roles = rolesDiffer && options.changeRoles ? row.roles : before.roles;
        const changes: AccountImportRow['changes'] = [];
        if (before.name !== row.name) changes.push('name');
        if (before.department !== row.department) changes.push('department');
        if (roles !== before.roles) changes.push('roles');
        if (before.roles.includes('admin') && !roles.includes('admin')) {
          if (existing.id === admin.id)
            throw new BadRequestException({
              message: `row ${row.row} (roles): the import would take the admin role from you (${row.email}); nothing was imported`,
              details: [
                {
                  row: row.row,
                  field: 'roles',
                  reason: 'would take the admin role from the importing admin',
                },
              ],
            });
          adminsRemoved.add(existing.id);
        }
        result.rows.push({
          row: row.row,
          email: row.email,
          action: changes.length > 0 ? 'change' : 'unchanged',
          changes,
          rolesKept: rolesDiffer && !options.changeRoles,
        });
        if (changes.length === 0) {
          result.unchanged++;
          continue;
        }
        result.updated++;
        if (!options.apply) continue;
        await manager.query(
          `update app_user set name = $2, roles = $3, department_id = $4, updated_at = now() where id = $1`,
          [existing.id, row.name, roles, departmentId],
        );
        const after = await this.get(admin, existing.id, manager);
        await this.audit.record(
          {
            actor: admin,
            action: 'account.updated',
            entityType: 'account',
            entityId: existing.id,
            before: auditView(before),
            after: { ...auditView(after), source: 'csv-import' },
          },
          manager,
        );
      }
      await this.keepAnAdmin(manager, admin, adminsRemoved);
      return result;
    });
  }

  /** Refuses an import that would leave no active admin (the role route refuses it for one account). */
  private async keepAnAdmin(manager: EntityManager, admin: SessionUser, removed: Set<string>): Promise<void> {
    if (removed.size === 0) return;
    const admins: { id: string }[] = await manager.query(
      `select id from app_user where organisation_id = $1 and active and 'admin' = any(roles)`,
      [admin.organisationId],
    );
    if (admins.every((account) => removed.has(account.id)))
      throw new BadRequestException({
        message: 'the import would leave the organisation without an active admin; nothing was imported',
        details: [{ field: 'roles', reason: 'would remove the last admin' }],
      });
  }

  private async departmentId(
    manager: EntityManager,
    organisationId: string,
    name: string,
    created: string[],
    create = true,
  ): Promise<string | null> {
    const [found] = await manager.query(
      `select id from department where organisation_id = $1 and name = $2`,
      [organisationId, name],
    );
    if (found) return found.id;
    if (!created.includes(name)) created.push(name);
    if (!create) return null;
    const [{ id }] = await manager.query(
      `insert into department (organisation_id, name) values ($1, $2) returning id`,
      [organisationId, name],
    );
    return id;
  }
}
