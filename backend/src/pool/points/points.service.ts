import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import type {
  GrantPointsRequest,
  MemberPointsDto,
  MyPointsDto,
  PeakPointsDto,
  PointLineDto,
} from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { AuditService } from '../../audit/audit.service';
import { OrganisationsService } from '../../organisations/organisations.service';
import { localToday } from '../pool-time';
import { BAND_TEXT, pointsBand } from './points-band';
import { EARNED_KINDS, toPointLineDto, writePointLine, type PointLineRow } from './points-ledger';
import { instantRangeSql, localDayRange } from '../../database/local-time-sql';
import { queryRows } from '../../database/query-rows';

/** How many history lines `GET /api/pool/me/points` returns (newest first). */
const HISTORY_LINES = 200;

/**
 * Reading points: a member's own (with their band, never others' names), a manager's department, a
 * planner's totals per peak; and a planner's ad-hoc grants, each with its reason.
 */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async mine(member: SessionUser): Promise<MyPointsDto> {
    const { timeZone } = await this.organisations.current();
    const year = yearRange(timeZone, Number(localToday(timeZone).slice(0, 4)));
    const [sums] = await queryRows<{ total: number; balance: number; year: number }>(
      this.dataSource,
      `select coalesce(sum(points) filter (where kind = any($2)), 0)::int as total,
              coalesce(sum(points), 0)::int as balance,
              coalesce(sum(points) filter (where kind = any($2) and ${instantRangeSql('at', '$3', '$4')}), 0)::int as year
         from pool_point_line where user_id = $1`,
      [member.id, EARNED_KINDS, ...year],
    );
    const [latest] = await queryRows<{ peak: string; points: number }>(
      this.dataSource,
      `select peak, (select coalesce(sum(points), 0)::int from pool_point_line p
                      where p.user_id = $1 and p.peak = l.peak and p.kind = any($2)) as points
         from pool_point_line l where l.user_id = $1 and l.peak is not null and l.kind = any($2)
        order by l.at desc limit 1`,
      [member.id, EARNED_KINDS],
    );
    const yearTotals = await queryRows<{ points: number }>(
      this.dataSource,
      `select sum(l.points)::int as points from pool_point_line l
        where l.organisation_id = $1 and l.kind = any($2) and ${instantRangeSql('l.at', '$3', '$4')}
        group by l.user_id`,
      [member.organisationId, EARNED_KINDS, ...year],
    );
    const lines = await queryRows<PointLineRow>(
      this.dataSource,
      `select at, points, reason, kind, peak from pool_point_line where user_id = $1
        order by at desc, kind limit $2`,
      [member.id, HISTORY_LINES],
    );
    const band = pointsBand(
      sums.year,
      yearTotals.map((row) => row.points),
    );
    return {
      total: sums.total,
      peak: latest?.points ?? 0,
      peakName: latest?.peak ?? null,
      year: sums.year,
      balance: sums.balance,
      band,
      bandText: BAND_TEXT[band],
      lines: lines.map(toPointLineDto),
    };
  }

  /** An ad-hoc grant (a campaign, the year-end push): once per request, with the planner's reason. */
  async grant(
    planner: SessionUser,
    request: GrantPointsRequest,
  ): Promise<PointLineDto & { memberId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [member] = await queryRows<object>(
        manager,
        `select 1 from pool_member pm join app_user u on u.id = pm.user_id where pm.user_id = $1 and u.organisation_id = $2`,
        [request.memberId, planner.organisationId],
      );
      if (!member) throw new NotFoundException(`pool member ${request.memberId} does not exist`);
      const sourceKey = `grant:${randomUUID()}`;
      await writePointLine(manager, {
        organisationId: planner.organisationId,
        userId: request.memberId,
        kind: 'grant',
        points: request.points,
        reason: `Granted by ${planner.name}: ${request.reason.trim()}`,
        peak: request.peak ?? null,
        sourceKey,
        createdBy: planner.id,
      });
      await this.audit.record(
        {
          actor: planner,
          action: 'pool-points.granted',
          entityType: 'account',
          entityId: request.memberId,
          after: { points: request.points, reason: request.reason, peak: request.peak ?? null },
        },
        manager,
      );
      const [line] = await queryRows<PointLineRow>(
        manager,
        `select at, points, reason, kind, peak from pool_point_line where source_key = $1`,
        [sourceKey],
      );
      return { memberId: request.memberId, ...toPointLineDto(line) };
    });
  }

  /** Members with their points: a manager sees their own department only; planners and admins all. */
  async members(
    viewer: SessionUser,
    year: number | undefined,
    peak: string | undefined,
  ): Promise<MemberPointsDto[]> {
    const { timeZone } = await this.organisations.current();
    const seesAll = viewer.roles.includes('planner') || viewer.roles.includes('admin');
    const rows = await queryRows<{
      id: string;
      name: string;
      department: string | null;
      year: number;
      peak: number;
      balance: number;
    }>(
      this.dataSource,
      `select u.id, u.name, d.name as department,
              coalesce(sum(l.points) filter (where l.kind = any($4) and ${instantRangeSql('l.at', '$5', '$6')}), 0)::int as year,
              coalesce(sum(l.points) filter (where l.kind = any($4) and l.peak = $7), 0)::int as peak,
              coalesce(sum(l.points), 0)::int as balance
         from pool_member pm join app_user u on u.id = pm.user_id left join department d on d.id = u.department_id
         left join pool_point_line l on l.user_id = u.id
        where u.organisation_id = $1 and ($2::boolean or u.department_id = $3::uuid)
        group by u.id, u.name, d.name
        order by d.name nulls last, u.name, u.id`,
      [
        viewer.organisationId,
        seesAll,
        viewer.departmentId,
        EARNED_KINDS,
        ...yearRange(timeZone, year ?? Number(localToday(timeZone).slice(0, 4))),
        peak ?? null,
      ],
    );
    return rows.map((row) => ({
      memberId: row.id,
      name: row.name,
      department: row.department,
      year: row.year,
      peak: peak === undefined ? null : row.peak,
      balance: row.balance,
    }));
  }

  /** Totals per peak, latest first. */
  async peaks(viewer: SessionUser): Promise<PeakPointsDto[]> {
    const rows = await queryRows<PeakPointsDto>(
      this.dataSource,
      `select peak, count(distinct user_id)::int as members,
              coalesce(sum(points) filter (where kind = 'shift'), 0)::int as shift,
              coalesce(sum(points) filter (where kind = 'quality'), 0)::int as quality,
              coalesce(sum(points) filter (where kind = 'grant'), 0)::int as "grant",
              coalesce(sum(points), 0)::int as total
         from pool_point_line
        where organisation_id = $1 and peak is not null and kind in ('shift', 'quality', 'grant')
        group by peak order by max(at) desc`,
      [viewer.organisationId],
    );
    return rows;
  }
}

/** A calendar year of the organisation's zone as [first instant, instant after its last] in epoch ms. */
function yearRange(timeZone: string, year: number): [number, number] {
  return localDayRange(timeZone, `${year}-01-01`, `${year}-12-31`);
}
