import type { EntityManager } from 'typeorm';

import type { PointLineDto, PointLineKind } from '@peakplan/contracts';
import { queryRows } from '../../database/query-rows';

/** A line of `pool_point_line` as read back. */
export interface PointLineRow {
  at: Date;
  points: number;
  reason: string;
  kind: PointLineKind;
  peak: string | null;
}

export interface NewPointLine {
  organisationId: string;
  userId: string;
  kind: PointLineKind;
  points: number;
  reason: string;
  peak: string | null;
  /** Unique: writing a line with a key that exists replaces its points and reason (marking again). */
  sourceKey: string;
  at?: Date;
  shiftId?: string | null;
  basis?: unknown;
  createdBy?: string | null;
}

/** Writes (or rewrites, by its source key) one line in the caller's transaction. */
export async function writePointLine(manager: EntityManager, line: NewPointLine): Promise<void> {
  await manager.query(
    `insert into pool_point_line (organisation_id, user_id, kind, points, reason, peak, source_key, at, shift_id, basis, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, coalesce($8, clock_timestamp()), $9, $10::jsonb, $11)
     on conflict (source_key) do update
        set points = excluded.points, reason = excluded.reason, basis = excluded.basis, created_by = excluded.created_by`,
    [
      line.organisationId,
      line.userId,
      line.kind,
      line.points,
      line.reason,
      line.peak,
      line.sourceKey,
      line.at ?? null,
      line.shiftId ?? null,
      line.basis === undefined ? null : JSON.stringify(line.basis),
      line.createdBy ?? null,
    ],
  );
}

/** A member's balance: every line's sum (redemptions are negative, their cancellations positive). */
export async function pointsBalance(manager: EntityManager, userId: string): Promise<number> {
  const [{ balance }] = await queryRows<{ balance: number }>(
    manager,
    `select coalesce(sum(points), 0)::int as balance from pool_point_line where user_id = $1`,
    [userId],
  );
  return balance;
}

export function toPointLineDto(row: PointLineRow): PointLineDto {
  return {
    at: row.at.toISOString(),
    points: row.points,
    reason: row.reason,
    kind: row.kind,
    peak: row.peak,
  };
}

/** Kinds that count as earned (totals); redemptions and refunds only move the balance. */
export const EARNED_KINDS: PointLineKind[] = ['shift', 'quality', 'grant', 'continuity'];
