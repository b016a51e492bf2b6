import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** The shift changed (time, places, cancelled) between reading it and locking it: check the rules again. */
export class StaleShiftError extends Error {
  constructor() {
    super('the shift changed while signing up');
  }
}

/** deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back; it may simply run again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

function retryable(error: unknown): boolean {
  if (error instanceof StaleShiftError) return true;
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/**
 * A pool transaction, run again (a few times) when PostgreSQL broke a deadlock by rolling it back or the
 * shift changed under it. Sign-ups lock member, then department cap, then shift; withdrawals lock the
 * shift and then the promoted member: two such transactions can meet in a cycle, rarely, and the
 * loser's whole attempt is undone, so running it again is safe.
 */
export async function poolTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !retryable(error)) throw error;
    }
  }
}
