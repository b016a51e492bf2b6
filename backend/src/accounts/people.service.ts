import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { PersonDto, Role } from '@peakplan/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/access.decorators';
import { queryOne, queryRows } from '../database/query-rows';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  department: string | null;
  department_id: string | null;
  pool_approval: PersonDto['poolApproval'];
}

function toPersonDto(row: PersonRow): PersonDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: [...row.roles].sort(),
    department: row.department,
    departmentId: row.department_id,
    poolApproval: row.pool_approval,
  };
}

/**
 * Who may see whom, decided in the query itself: admins and planners see everyone of their
 * organisation, a manager the people of their own department, everyone their own profile. Anything
 * else is "not found" (404), so that ids of other people cannot be probed.
 */
export function personScope(viewer: SessionUser, params: unknown[]): string {
  const seesEveryone = viewer.roles.includes('admin') || viewer.roles.includes('planner');
  const manages = viewer.roles.includes('manager') && viewer.departmentId !== null;
  params.push(viewer.organisationId, viewer.id, seesEveryone, manages ? viewer.departmentId : null);
  const [org, self, everyone, department] = [
    params.length - 3,
    params.length - 2,
    params.length - 1,
    params.length,
  ].map((n) => `$${n}`);
  return `u.organisation_id = ${org} and (u.id = ${self} or ${everyone}::boolean or u.department_id = ${department}::uuid)`;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(viewer: SessionUser, id: string): Promise<PersonDto> {
    const params: unknown[] = [id];
    const row = await queryOne<PersonRow>(
      this.dataSource,
      `select u.id, u.name, u.email, u.roles, d.name as department, u.department_id, u.pool_approval
         from app_user u left join department d on d.id = u.department_id
        where u.id = $1 and ${personScope(viewer, params)}`,
      params,
    );
    if (!row) throw new NotFoundException(`person ${id} does not exist`);
    return toPersonDto(row);
  }

  /** The members of a department: its own manager and admins only; another department is "not found". */
  async departmentMembers(viewer: SessionUser, departmentId: string): Promise<PersonDto[]> {
    const department = await queryOne<{ id: string }>(
      this.dataSource,
      `select id from department where id = $1 and organisation_id = $2 and ($3::boolean or id = $4::uuid)`,
      [departmentId, viewer.organisationId, viewer.roles.includes('admin'), viewer.departmentId],
    );
    if (!department) throw new NotFoundException(`department ${departmentId} does not exist`);
    const rows = await queryRows<PersonRow>(
      this.dataSource,
      `select u.id, u.name, u.email, u.roles, d.name as department, u.department_id, u.pool_approval
         from app_user u join department d on d.id = u.department_id
        where u.department_id = $1 and u.active order by u.name, u.email`,
      [departmentId],
    );
    return rows.map(toPersonDto);
  }

  /**
   * A manager approves or refuses a pool member of their own department. The department and the
   * person are matched in the update itself; outside the manager's department the answer is 404.
   */
  async decidePoolApproval(
    manager: SessionUser,
    departmentId: string,
    userId: string,
    decision: 'approved' | 'refused',
  ): Promise<PersonDto> {
    if (userId === manager.id) throw new BadRequestException('you cannot approve yourself');
    return this.dataSource.transaction(async (transaction) => {
      const before = await queryOne<{ pool_approval: string }>(
        transaction,
        `select pool_approval from app_user
          where id = $1 and department_id = $2 and department_id = $3::uuid and organisation_id = $4
            and 'pool-member' = any(roles) and active
          for update`,
        [userId, departmentId, manager.departmentId, manager.organisationId],
      );
      if (!before) throw new NotFoundException(`pool member ${userId} is not in department ${departmentId}`);
      await transaction.query(
        `update app_user set pool_approval = $2, pool_approval_by = $3, pool_approval_at = now(), updated_at = now() where id = $1`,
        [userId, decision, manager.id],
      );
      await this.audit.record(
        {
          actor: manager,
          action: decision === 'approved' ? 'pool-member.approved' : 'pool-member.refused',
          entityType: 'account',
          entityId: userId,
          before: { poolApproval: before.pool_approval },
          after: { poolApproval: decision, departmentId },
        },
        transaction,
      );
      const [row] = await queryRows<PersonRow>(
        transaction,
        `select u.id, u.name, u.email, u.roles, d.name as department, u.department_id, u.pool_approval
           from app_user u left join department d on d.id = u.department_id where u.id = $1`,
        [userId],
      );
      return toPersonDto(row);
    });
  }
}
