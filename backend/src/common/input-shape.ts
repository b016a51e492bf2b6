import { plainTextProblem } from './plain-text';

/**
 * Bounds on a parsed request value, checked before class-transformer and class-validator see it: their
 * work grows with every key and level (a 600 KB sign-in body of 60,000 unknown keys took seconds of
 * synchronous validation and a 6 MB answer), and deep nesting overflowed their recursion. No route
 * takes more than a few hundred values, so these leave ample room for real requests.
 */
export const INPUT_LIMITS = {
  maxDepth: 12,
  maxKeysPerObject: 100,
  maxArrayLength: 1000,
  maxValues: 10_000,
} as const;

/**
 * Field names no request needs and class-transformer mishandles: `{"constructor": …}` slipped past
 * forbidNonWhitelisted and left an empty (valid) body behind, found by the fuzz test.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface InputShapeProblem {
  field: string;
  reason: string;
}

/**
 * The first problem with the shape of `value` (depth, keys, array length, number of values, control
 * characters or invalid Unicode in strings and keys), or undefined. Iterative and stopping at the first
 * problem, so its cost is bounded by `maxValues` whatever was sent.
 */
export function findInputShapeProblem(value: unknown, root: string): InputShapeProblem | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: '', depth: 0 }];
  let seen = 0;
  const problem = (field: string, reason: string): InputShapeProblem => ({ field: field || root, reason });
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (++seen > INPUT_LIMITS.maxValues)
      return problem('', `must hold at most ${INPUT_LIMITS.maxValues} values`);
    if (typeof next.value === 'string') {
      const textProblem = plainTextProblem(next.value);
      if (textProblem) return problem(next.field, textProblem);
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= INPUT_LIMITS.maxDepth)
      return problem(next.field, `must be nested at most ${INPUT_LIMITS.maxDepth} levels deep`);
    if (Array.isArray(next.value)) {
      if (next.value.length > INPUT_LIMITS.maxArrayLength)
        return problem(next.field, `must hold at most ${INPUT_LIMITS.maxArrayLength} items`);
      next.value.forEach((item, index) =>
        pending.push({ value: item, field: `${next.field}[${index}]`, depth: next.depth + 1 }),
      );
      continue;
    }
    const keys = Object.keys(next.value);
    if (keys.length > INPUT_LIMITS.maxKeysPerObject)
      return problem(next.field, `must hold at most ${INPUT_LIMITS.maxKeysPerObject} fields`);
    for (const key of keys) {
      const field = next.field ? `${next.field}.${key}` : key;
      const keyProblem = plainTextProblem(key);
      if (keyProblem) return problem(next.field, `field names ${keyProblem}`);
      if (RESERVED_KEYS.has(key)) return problem(field, 'is a reserved name, not a field');
      pending.push({ value: (next.value as Record<string, unknown>)[key], field, depth: next.depth + 1 });
    }
  }
  return undefined;
}
