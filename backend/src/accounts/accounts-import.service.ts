import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { AccountImportResult, AccountImportRow } from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { auditView, departmentIdByName, findAccount, withUniqueEmail } from './account-rows';
import { type AccountCsvRow, parseAccountsCsv } from './accounts-csv';
import { queryOne, queryRows } from '../database/query-rows';

export interface AccountImportOptions {
  /** Write the changes; otherwise a preview that writes nothing. */
  apply: boolean;
  /** Set existing accounts' roles to the file's; otherwise their roles are kept. */
  changeRoles: boolean;
}

/** The admin's CSV import of accounts, previewed or applied. Limited to the admin's own organisation. */
@Injectable()
export class AccountsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
    return withUniqueEmail(
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
        const existing = await queryOne<{ id: string; organisation_id: string }>(
          manager,
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
          ? await departmentIdByName(
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
          const [{ id }] = await queryRows<{ id: string }>(
            manager,
            `insert into app_user (organisation_id, email, name, roles, department_id) values ($1, $2, $3, $4, $5) returning id`,
            [admin.organisationId, row.email, row.name, row.roles, departmentId],
          );
          const after = await findAccount(manager, admin, id);
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
        const before = await findAccount(manager, admin, existing.id);
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
        const after = await findAccount(manager, admin, existing.id);
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
    const admins = await queryRows<{ id: string }>(
      manager,
      `select id from app_user where organisation_id = $1 and active and 'admin' = any(roles)`,
      [admin.organisationId],
    );
    if (admins.every((account) => removed.has(account.id)))
      throw new BadRequestException({
        message: 'the import would leave the organisation without an active admin; nothing was imported',
        details: [{ field: 'roles', reason: 'would remove the last admin' }],
      });
  }
}
