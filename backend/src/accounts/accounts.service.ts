import { randomBytes } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { AccountDto, AccountImportResult, PasswordResetResponse, Role } from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { hashPassword } from '../auth/password-hashing';
import { SessionsService } from '../auth/sessions.service';
import { isUniqueViolation } from '../common/unique-violation';
import { type AccountCsvRow, parseAccountsCsv } from './accounts-csv';
import type { CreateAccountDto } from './accounts.dto';

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
   */
  async importCsv(admin: SessionUser, csv: string): Promise<AccountImportResult> {
    const { rows, problems } = parseAccountsCsv(csv);
    if (problems.length > 0) {
      throw new BadRequestException({
        message: `the file was not imported: ${problems.length} problem(s), first on row ${problems[0].row}${problems[0].field ? ` (${problems[0].field})` : ''}: ${problems[0].reason}`,
        details: problems,
      });
    }
    return this.uniqueEmail(
      'another import or admin created one of these accounts meanwhile; import the file again',
      () => this.importRows(admin, rows),
    );
  }

  private importRows(admin: SessionUser, rows: AccountCsvRow[]): Promise<AccountImportResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: AccountImportResult = { created: 0, updated: 0, unchanged: 0, departmentsCreated: [] };
      for (const row of rows) {
        const departmentId = row.department
          ? await this.departmentId(manager, admin.organisationId, row.department, result.departmentsCreated)
          : null;
        const [existing]: { id: string; organisation_id: string }[] = await manager.query(
          `select id, organisation_id from app_user where lower(email) = $1 for update`,
          [row.email],
        );
        if (!existing) {
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
          result.created++;
          continue;
        }
        if (existing.organisation_id !== admin.organisationId) {
          throw new BadRequestException({
            message: `row ${row.row} (email): ${row.email} belongs to another organisation; nothing was imported`,
            details: [{ row: row.row, field: 'email', reason: 'belongs to another organisation' }],
          });
        }
        const before = await this.get(admin, existing.id, manager);
        const same =
          before.name === row.name &&
          before.department === row.department &&
          before.roles.join() === row.roles.join();
        if (same) {
          result.unchanged++;
          continue;
        }
        await manager.query(
          `update app_user set name = $2, roles = $3, department_id = $4, updated_at = now() where id = $1`,
          [existing.id, row.name, row.roles, departmentId],
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
        result.updated++;
      }
      return result;
    });
  }

  private async departmentId(
    manager: EntityManager,
    organisationId: string,
    name: string,
    created: string[],
  ): Promise<string> {
    const [found] = await manager.query(
      `select id from department where organisation_id = $1 and name = $2`,
      [organisationId, name],
    );
    if (found) return found.id;
    const [{ id }] = await manager.query(
      `insert into department (organisation_id, name) values ($1, $2) returning id`,
      [organisationId, name],
    );
    created.push(name);
    return id;
  }
}
