import { isIP } from 'node:net';

import { z } from 'zod';

/**
 * Express "trust proxy": which hops in front of the service may set X-Forwarded-For/-Proto. False (the
 * default) ignores those headers; a number trusts that many hops; a list names the proxies' addresses
 * or subnets (or Express's `loopback`, `linklocal`, `uniquelocal`). `true` is refused: trusting every
 * hop lets any client choose its address and so escape the per-address sign-in limit.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

export const trustProxyFromEnv = z
  .string()
  .transform((value, context): TrustProxy => {
    const text = value.trim();
    if (text === 'false') return false;
    if (/^\d{1,2}$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrSubnet)) return entries;
    context.addIssue({
      code: 'custom',
      message:
        'must be false, a number of proxy hops (e.g. 1), or the proxies\' addresses or subnets separated by commas (e.g. loopback or 10.0.0.0/8); "true" would let any client choose its address',
    });
    return z.NEVER;
  })
  .default(false);
