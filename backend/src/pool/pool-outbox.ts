import type { EntityManager } from 'typeorm';

import type { PoolMessageKind } from '@peakplan/contracts';

export type { PoolMessageKind };

/**
 * A message to a member, written in the transaction of the change it tells about, so it exists
 * exactly when the change does. The sender (`messages/message-sender.service.ts`) claims and sends each once.
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
