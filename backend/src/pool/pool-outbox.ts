import type { EntityManager } from 'typeorm';

export type PoolMessageKind =
  'promoted' | 'shift-changed' | 'shift-cancelled' | 'moved-to-waitlist' | 'allocation-result';

/**
 * A message to a member, written in the transaction of the change it tells about, so it exists
 * exactly when the change does. Sending (e-mail, push) reads the unsent rows; that comes with the roster.
 */
export async function queueMessages(
  manager: EntityManager,
  memberIds: string[],
  kind: PoolMessageKind,
  payload: Record<string, unknown>,
): Promise<void> {
  if (memberIds.length === 0) return;
  await manager.query(
    `insert into pool_outbox (user_id, kind, payload) select unnest($1::uuid[]), $2, $3::jsonb`,
    [memberIds, kind, JSON.stringify(payload)],
  );
}
