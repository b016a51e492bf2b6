import { randomBytes } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { AccountDto, PasswordResetResponse, Role } from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { hashPassword } from '../auth/password-hashing';
import { SessionsService } from '../auth/sessions.service';
import { auditView, departmentIdByName, findAccount, listAccounts, withUniqueEmail } from './account-rows';
import type { CreateAccountDto } from './accounts.dto';
import { queryRows } from '../database/query-rows';

/**
 * Admin work on one account at a time (the CSV import is `AccountsImportService`). Every query is
 * limited to the admin's own organisation.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  list(admin: SessionUser): Promise<AccountDto[]> {
    return listAccounts(this.dataSource.manager, admin);
  }

  get(admin: SessionUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<AccountDto> {
    return findAccount(manager, admin, id);
  }

  async create(admin: SessionUser, body: CreateAccountDto): Promise<AccountDto> {
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    return withUniqueEmail(`an account with email ${body.email.trim().toLowerCase()} already exists`, () =>
      this.createInTransaction(admin, body, passwordHash),
    );
  }

  private createInTransaction(
    admin: SessionUser,
    body: CreateAccountDto,
    passwordHash: string | null,
  ): Promise<AccountDto> {
    return this.dataSource.transaction(async (manager) => {
      const email = body.email.trim().toLowerCase();
      const [existing] = await queryRows<{ found: number }>(
        manager,
        `select 1 as found from app_user where lower(email) = $1`,
        [email],
      );
      if (existing) throw new ConflictException(`an account with email ${email} already exists`);
      const departmentId = body.department
        ? await departmentIdByName(manager, admin.organisationId, body.department.trim(), [])
        : null;
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
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
}
