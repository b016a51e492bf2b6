import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { PointsWeights, WeightsPreviewDto } from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { AuditService } from '../../audit/audit.service';
import { DEFAULT_WEIGHTS, shiftPoints, type ShiftBasis } from './points-formula';
import { queryOne, queryRows } from '../../database/query-rows';

/**
 * The admin's weights of the points formula. New weights apply to shifts marked from then on; the
 * preview shows what they would have made of the last peak's shift points, from the bases kept on its lines.
 */
@Injectable()
export class PointsWeightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PointsWeights> {
    const row = await queryOne<{ weights: Partial<PointsWeights> }>(
      manager,
      `select weights from pool_points_weights where organisation_id = $1`,
      [organisationId],
    );
    return { ...DEFAULT_WEIGHTS, ...(row?.weights ?? {}) };
  }

  async set(actor: SessionUser, weights: PointsWeights): Promise<PointsWeights> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select 1 from organisation where id = $1 for update`, [actor.organisationId]);
      const before = await this.get(actor.organisationId, manager);
      await manager.query(
        `insert into pool_points_weights (organisation_id, weights, updated_by) values ($1, $2::jsonb, $3)
         on conflict (organisation_id) do update set weights = excluded.weights, updated_by = excluded.updated_by, updated_at = now()`,
        [actor.organisationId, JSON.stringify(weights), actor.id],
      );
      await this.audit.record(
        {
          actor,
          action: 'pool-points.weights-changed',
          entityType: 'organisation',
          entityId: actor.organisationId,
          before,
          after: weights,
        },
        manager,
      );
      return this.get(actor.organisationId, manager);
    });
  }

  /** The last peak (of the latest marked shift with a peak) under the current and the proposed weights. */
  async preview(actor: SessionUser, proposed: PointsWeights): Promise<WeightsPreviewDto> {
    const last = await queryOne<{ peak: string }>(
      this.dataSource,
      `select l.peak from pool_point_line l where l.organisation_id = $1 and l.kind = 'shift' and l.peak is not null
        order by l.at desc limit 1`,
      [actor.organisationId],
    );
    if (!last) return { peak: null, currentTotal: 0, previewTotal: 0, members: [] };
    const lines = await queryRows<{
      user_id: string;
      name: string;
      kind: 'shift' | 'quality';
      points: number;
      basis: ShiftBasis;
    }>(
      this.dataSource,
      `select l.user_id, u.name, l.kind, l.points, l.basis from pool_point_line l join app_user u on u.id = l.user_id
          where l.organisation_id = $1 and l.peak = $2 and l.kind in ('shift', 'quality') and l.basis is not null
          order by u.name, l.user_id`,
      [actor.organisationId, last.peak],
    );
    const members = new Map<string, { memberId: string; name: string; current: number; preview: number }>();
    for (const line of lines) {
      const member = members.get(line.user_id) ?? {
        memberId: line.user_id,
        name: line.name,
        current: 0,
        preview: 0,
      };
      const recomputed = shiftPoints(line.basis, proposed);
      member.current += line.points;
      member.preview += line.kind === 'shift' ? recomputed.shift : recomputed.quality;
      members.set(line.user_id, member);
    }
    const list = [...members.values()];
    return {
      peak: last.peak,
      currentTotal: list.reduce((sum, member) => sum + member.current, 0),
      previewTotal: list.reduce((sum, member) => sum + member.preview, 0),
      members: list,
    };
  }
}
