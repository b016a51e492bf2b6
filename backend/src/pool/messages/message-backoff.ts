/** Attempts before the sender gives up on a message and shows it to admins as failed. */
export const MAX_ATTEMPTS = 6;

/**
 * Minutes to wait before attempt `attempts + 1`, after `attempts` failed ones: 1, 2, 4, 8, 16 … capped
 * at an hour, so a mail server down for a while is not hammered and a short hiccup costs a minute.
 *
 * @example retryDelayMinutes(1) // → 1; retryDelayMinutes(3) // → 4; retryDelayMinutes(10) // → 60
 */
export function retryDelayMinutes(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError('retryDelayMinutes: attempts must be ≥ 1');
  return Math.min(2 ** (attempts - 1), 60);
}
