import { hash, verify } from '@node-rs/argon2';

/** argon2id, the library's default algorithm, with its default cost (m = 19 MiB, t = 2, p = 1: the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let timingDecoy: Promise<string> | undefined;

/** Spends the time of a real verify when there is no account, so timing does not reveal which emails exist. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  timingDecoy ??= hashPassword('no account has this password, it only spends time');
  await verifyPassword(await timingDecoy, password);
  return false;
}
