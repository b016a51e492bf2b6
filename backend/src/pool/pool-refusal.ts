import { ConflictException, NotFoundException } from '@nestjs/common';

import type { PoolRuleCode } from '@peakplan/contracts';

/**
 * A sign-up rule said no: 409 with the rule's stable code (`code`) and a plain sentence (`message`).
 * Thrown inside the sign-up's transaction, so nothing of the attempt is written.
 */
export class PoolRuleRefusal extends ConflictException {
  constructor(
    readonly rule: PoolRuleCode,
    readonly sentence: string,
  ) {
    super({ message: sentence, code: rule, error: 'Conflict', details: [{ field: 'rule', reason: rule }] });
  }
}

/** A shift the caller may not see or that does not exist: the same answer, so ids cannot be probed. */
export function shiftNotFound(id: string): NotFoundException {
  return new NotFoundException(`pool shift ${id} does not exist`);
}
