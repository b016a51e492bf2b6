import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import type { CreateRewardRequest, RedemptionDto, RewardDto, UpdateRewardRequest } from '@peakplan/contracts';

import type { SessionUser } from '../../auth/access.decorators';
import { AuditService } from '../../audit/audit.service';
import { pointsBalance, writePointLine } from '../points/points-ledger';
import { queryOne, queryRows } from '../../database/query-rows';

interface RewardRow {
  id: string;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  active: boolean;
}

interface RedemptionRow {
  id: string;
  reward_id: string;
  reward: string;
  user_id: string;
  points: number;
  status: 'redeemed' | 'cancelled';
  created_at: Date;
  cancelled_at: Date | null;
}

const REDEMPTION_SELECT = `select r.id, r.reward_id, w.name as reward, r.user_id, r.points, r.status, r.created_at, r.cancelled_at
  from pool_redemption r join pool_reward w on w.id = r.reward_id`;

/**
 * The rewards catalogue (kept by an admin) and redemptions. A redemption locks the member's pool row,
 * then the reward's row, and only then reads the balance and stock: two redemptions of one member, or
 * of one reward, take turns, so neither the balance nor the stock can go below zero (the stock's check
 * constraint guards as well). Cancelling takes the same locks in the same order.
 */
@Injectable()
export class RewardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Members see the active rewards; admins (who keep the catalogue) see all. */
  async list(viewer: SessionUser): Promise<RewardDto[]> {
    const rows = await queryRows<RewardRow>(
      this.dataSource,
      `select id, name, description, price, stock, active from pool_reward
        where organisation_id = $1 and (active or $2::boolean) order by price, name`,
      [viewer.organisationId, viewer.roles.includes('admin')],
    );
    return rows.map(toRewardDto);
  }

  async create(admin: SessionUser, request: CreateRewardRequest): Promise<RewardDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await this.uniqueName(request.name, () =>
        queryRows<RewardRow>(
          manager,
          `insert into pool_reward (organisation_id, name, description, price, stock) values ($1, $2, $3, $4, $5)
           returning id, name, description, price, stock, active`,
          [
            admin.organisationId,
            request.name.trim(),
            request.description ?? null,
            request.price,
            request.stock,
          ],
        ),
      );
      await this.audit.record(
        {
          actor: admin,
          action: 'pool-reward.created',
          entityType: 'pool-reward',
          entityId: row.id,
          after: row,
        },
        manager,
      );
      return toRewardDto(row);
    });
  }

  async update(admin: SessionUser, id: string, request: UpdateRewardRequest): Promise<RewardDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockReward(manager, admin.organisationId, id);
      const [row] = await this.uniqueName(request.name ?? before.name, () =>
        queryRows<RewardRow>(
          manager,
          `update pool_reward set name = $2, description = $3, price = $4, stock = $5, active = $6, updated_at = now()
            where id = $1 returning id, name, description, price, stock, active`,
          [
            id,
            request.name?.trim() ?? before.name,
            request.description === undefined ? before.description : request.description,
            request.price ?? before.price,
            request.stock ?? before.stock,
            request.active ?? before.active,
          ],
        ),
      );
      await this.audit.record(
        {
          actor: admin,
          action: 'pool-reward.changed',
          entityType: 'pool-reward',
          entityId: id,
          before,
          after: row,
        },
        manager,
      );
      return toRewardDto(row);
    });
  }

  async redeem(member: SessionUser, rewardId: string): Promise<RedemptionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockMember(manager, member);
      const reward = await this.lockReward(manager, member.organisationId, rewardId);
      if (!reward.active) throw new NotFoundException(`reward ${rewardId} does not exist`);
      if (reward.stock <= 0)
        throw new ConflictException({
          message: `${reward.name} is out of stock.`,
          code: 'out-of-stock',
          details: [{ field: 'stock', reason: 'no stock left' }],
        });
      const balance = await pointsBalance(manager, member.id);
      if (balance < reward.price)
        throw new ConflictException({
          message: `${reward.name} costs ${reward.price} points; your balance is ${balance}.`,
          code: 'not-enough-points',
          details: [{ field: 'balance', reason: `needs ${reward.price}, has ${balance}` }],
        });
      await manager.query(`update pool_reward set stock = stock - 1, updated_at = now() where id = $1`, [
        rewardId,
      ]);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `insert into pool_redemption (reward_id, user_id, points) values ($1, $2, $3) returning id`,
        [rewardId, member.id, reward.price],
      );
      await writePointLine(manager, {
        organisationId: member.organisationId,
        userId: member.id,
        kind: 'redemption',
        points: -reward.price,
        reason: `Redeemed: ${reward.name}`,
        peak: null,
        sourceKey: `redemption:${id}`,
        createdBy: member.id,
      });
      return { ...(await this.readRedemption(manager, id)), balance: balance - reward.price };
    });
  }

  /** Cancels a redemption and gives its points and the stock back; cancelling again changes nothing. */
  async cancel(admin: SessionUser, redemptionId: string, reason: string | undefined): Promise<RedemptionDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = await queryOne<{ user_id: string; reward_id: string }>(
        manager,
        `select r.user_id, r.reward_id from pool_redemption r join pool_reward w on w.id = r.reward_id
          where r.id = $1 and w.organisation_id = $2`,
        [redemptionId, admin.organisationId],
      );
      if (!found) throw new NotFoundException(`redemption ${redemptionId} does not exist`);
      await manager.query(`select 1 from pool_member where user_id = $1 for update`, [found.user_id]);
      const reward = await this.lockReward(manager, admin.organisationId, found.reward_id);
      const [redemption] = await queryRows<{ status: string; points: number }>(
        manager,
        `select status, points from pool_redemption where id = $1 for update`,
        [redemptionId],
      );
      if (redemption.status === 'redeemed') {
        await manager.query(
          `update pool_redemption set status = 'cancelled', cancelled_at = clock_timestamp(), cancelled_by = $2, cancel_reason = $3
            where id = $1`,
          [redemptionId, admin.id, reason ?? null],
        );
        await manager.query(`update pool_reward set stock = stock + 1, updated_at = now() where id = $1`, [
          reward.id,
        ]);
        await writePointLine(manager, {
          organisationId: admin.organisationId,
          userId: found.user_id,
          kind: 'refund',
          points: redemption.points,
          reason: `Redemption of ${reward.name} cancelled${reason ? `: ${reason}` : ''}; points returned`,
          peak: null,
          sourceKey: `refund:${redemptionId}`,
          createdBy: admin.id,
        });
        await this.audit.record(
          {
            actor: admin,
            action: 'pool-redemption.cancelled',
            entityType: 'pool-redemption',
            entityId: redemptionId,
            after: { reason: reason ?? null, points: redemption.points },
          },
          manager,
        );
      }
      return {
        ...(await this.readRedemption(manager, redemptionId)),
        balance: await pointsBalance(manager, found.user_id),
      };
    });
  }

  async mine(member: SessionUser): Promise<RedemptionDto[]> {
    const rows = await queryRows<RedemptionRow>(
      this.dataSource,
      `${REDEMPTION_SELECT} where r.user_id = $1 order by r.created_at desc`,
      [member.id],
    );
    return rows.map(toRedemptionDto);
  }

  async all(admin: SessionUser): Promise<RedemptionDto[]> {
    const rows = await queryRows<RedemptionRow>(
      this.dataSource,
      `${REDEMPTION_SELECT} where w.organisation_id = $1 order by r.created_at desc limit 1000`,
      [admin.organisationId],
    );
    return rows.map(toRedemptionDto);
  }

  private async lockMember(manager: EntityManager, member: SessionUser): Promise<void> {
    const row = await queryOne<object>(manager, `select 1 from pool_member where user_id = $1 for update`, [
      member.id,
    ]);
    if (!row)
      throw new ConflictException({
        message: 'Join the pool first.',
        code: 'not-a-member',
        details: [{ field: 'member', reason: 'not in the pool' }],
      });
  }

  private async lockReward(manager: EntityManager, organisationId: string, id: string): Promise<RewardRow> {
    const row = await queryOne<RewardRow>(
      manager,
      `select id, name, description, price, stock, active from pool_reward where id = $1 and organisation_id = $2 for update`,
      [id, organisationId],
    );
    if (!row) throw new NotFoundException(`reward ${id} does not exist`);
    return row;
  }

  private async readRedemption(manager: EntityManager, id: string): Promise<RedemptionDto> {
    const [row] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} where r.id = $1`, [id]);
    return toRedemptionDto(row);
  }

  /** A second reward of the same name is a 409 naming the field, not the database's 500. */
  private async uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const code =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code === '23505')
        throw new ConflictException({
          message: `name: a reward named ${name} exists already`,
          details: [{ field: 'name', reason: 'must be unique' }],
        });
      throw error;
    }
  }
}

function toRewardDto(row: RewardRow): RewardDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    stock: row.stock,
    active: row.active,
  };
}

function toRedemptionDto(row: RedemptionRow): RedemptionDto {
  return {
    id: row.id,
    rewardId: row.reward_id,
    reward: row.reward,
    memberId: row.user_id,
    points: row.points,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at ? row.cancelled_at.toISOString() : null,
  };
}
