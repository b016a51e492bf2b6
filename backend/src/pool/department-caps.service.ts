import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { DepartmentCapDto, SetDepartmentCapRequest } from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { effectiveCap } from './sign-up-rules';
import { queryRows } from '../database/query-rows';

interface CapRow {
  department_id: string;
  department: string;
  people: number;
  max_people: number | null;
  max_share: number | null;
}

/**
 * Department caps: the most people of a department away in the pool at any moment, as a number or a
 * share of its active people. A manager reads and sets their own department's; admins and planners
 * read all, admins set any. Another department is "not found" for a manager.
 */
@Injectable()
export class DepartmentCapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(viewer: SessionUser): Promise<DepartmentCapDto[]> {
    return this.read(this.dataSource.manager, viewer, null);
  }

  async set(
    viewer: SessionUser,
    departmentId: string,
    request: SetDepartmentCapRequest,
  ): Promise<DepartmentCapDto> {
    const maxPeople = request.maxPeople ?? null;
    const maxShare = request.maxShare ?? null;
    if (maxPeople !== null && maxShare !== null)
      throw new BadRequestException({
        message: 'give maxPeople or maxShare, not both',
        details: [{ field: 'maxShare', reason: 'only one of maxPeople and maxShare' }],
      });
    return this.dataSource.transaction(async (manager) => {
      const mayChange = viewer.roles.includes('admin') || viewer.departmentId === departmentId;
      const [before] = mayChange ? await this.read(manager, viewer, departmentId) : [];
      if (!before) throw new NotFoundException(`department ${departmentId} does not exist`);
      await manager.query(
        `insert into department_pool_cap (department_id, max_people, max_share, updated_by) values ($1, $2, $3, $4)
         on conflict (department_id) do update
           set max_people = excluded.max_people, max_share = excluded.max_share,
               updated_by = excluded.updated_by, updated_at = now()`,
        [departmentId, maxPeople, maxShare, viewer.id],
      );
      const [after] = await this.read(manager, viewer, departmentId);
      await this.audit.record(
        {
          actor: viewer,
          action: 'department-cap.set',
          entityType: 'department',
          entityId: departmentId,
          before: { maxPeople: before.maxPeople, maxShare: before.maxShare },
          after: { maxPeople, maxShare },
        },
        manager,
      );
      return after;
    });
  }

  private async read(
    manager: EntityManager,
    viewer: SessionUser,
    departmentId: string | null,
  ): Promise<DepartmentCapDto[]> {
    const seesAll = viewer.roles.includes('admin') || viewer.roles.includes('planner');
    const rows = await queryRows<CapRow>(
      manager,
      `select d.id as department_id, d.name as department, c.max_people, c.max_share,
              (select count(*)::int from app_user u where u.department_id = d.id and u.active) as people
         from department d left join department_pool_cap c on c.department_id = d.id
        where d.organisation_id = $1 and ($2::boolean or d.id = $3::uuid) and ($4::uuid is null or d.id = $4::uuid)
        order by d.name`,
      [viewer.organisationId, seesAll, viewer.departmentId, departmentId],
    );
    return rows.map((row) => ({
      departmentId: row.department_id,
      department: row.department,
      people: row.people,
      maxPeople: row.max_people,
      maxShare: row.max_share,
      effectiveMax: effectiveCap(row.max_people, row.max_share, row.people),
    }));
  }
}
