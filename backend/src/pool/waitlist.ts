import type { EntityManager } from 'typeorm';

import { queueMessages } from './pool-outbox';
import { PoolRuleRefusal } from './pool-refusal';
import type { PoolShiftRow } from './pool-shift.row';
import { checkMemberRules, checkShiftState, type RuleContext } from './sign-up-rules';
import { queryRows } from '../database/query-rows';

/** A waitlisted sign-up's place in line (1 first): by the time it joined, the id breaking ties. */
export async function waitlistPosition(manager: EntityManager, signUpId: string): Promise<number> {
  const [{ position }] = await queryRows<{ position: number }>(
    manager,
    `select count(*)::int as position
       from pool_sign_up w join pool_sign_up mine on mine.id = $1
      where w.shift_id = mine.shift_id and w.status = 'waitlisted'
        and (w.queued_at, w.id) <= (mine.queued_at, mine.id)`,
    [signUpId],
  );
  return position;
}

/**
 * Fills free places of a first-come shift from its waitlist, first in line first, skipping anyone who
 * no longer passes every rule (they stay waitlisted). Runs in the caller's transaction, which holds
 * the shift's lock; each promoted member gets an outbox message. Returns the promoted member ids.
 */
export async function promoteFromWaitlist(
  manager: EntityManager,
  shift: PoolShiftRow,
  context: RuleContext,
): Promise<string[]> {
  if (shift.allocation !== 'first-come') return [];
  let free = shift.places - shift.confirmed_count;
  if (free <= 0) return [];
  try {
    checkShiftState(shift, { ...context, promotion: true });
  } catch (refusal) {
    if (refusal instanceof PoolRuleRefusal) return [];
    throw refusal;
  }
  const waiting = await queryRows<{ id: string; user_id: string }>(
    manager,
    `select id, user_id from pool_sign_up where shift_id = $1 and status = 'waitlisted' order by queued_at, id`,
    [shift.id],
  );
  const promoted: string[] = [];
  for (const candidate of waiting) {
    if (free === 0) break;
    try {
      await checkMemberRules(manager, shift, candidate.user_id, { ...context, promotion: true });
    } catch (refusal) {
      if (refusal instanceof PoolRuleRefusal) continue;
      throw refusal;
    }
    await manager.query(
      `update pool_sign_up set status = 'confirmed', sequence = sequence + 1, updated_at = clock_timestamp() where id = $1`,
      [candidate.id],
    );
    await manager.query(`update pool_shift set confirmed_count = confirmed_count + 1 where id = $1`, [
      shift.id,
    ]);
    promoted.push(candidate.user_id);
    free--;
  }
  shift.confirmed_count += promoted.length;
  await queueMessages(manager, promoted, 'promoted', { shiftId: shift.id, startsAt: shift.starts_at });
  return promoted;
}
