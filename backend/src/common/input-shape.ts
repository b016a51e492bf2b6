import { plainTextProblem } from './plain-text';

/**
 * Bounds on a parsed request value, checked before class-transformer and class-validator see it: deep
 * nesting overflowed their recursion (a 500). No route takes more than a few levels.
 */
export const INPUT_LIMITS = {
  maxDepth: 12,
} as const;

export interface InputShapeProblem {
  field: string;
  reason: string;
}

/**
 * The first problem with the shape of `value` (depth, control characters or invalid Unicode in strings
 * and keys), or undefined. Iterative, so no nesting can overflow the stack here.
 */
export function findInputShapeProblem(value: unknown, root: string): InputShapeProblem | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: '', depth: 0 }];
  const problem = (field: string, reason: string): InputShapeProblem => ({ field: field || root, reason });
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      const textProblem = plainTextProblem(next.value);
      if (textProblem) return problem(next.field, textProblem);
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= INPUT_LIMITS.maxDepth)
      return problem(next.field, `must be nested at most ${INPUT_LIMITS.maxDepth} levels deep`);
    if (Array.isArray(next.value)) {
      next.value.forEach((item, index) =>
        pending.push({ value: item, field: `${next.field}[${index}]`, depth: next.depth + 1 }),
      );
      continue;
    }
    const keys = Object.keys(next.value);
    for (const key of keys) {
      const field = next.field ? `${next.field}.${key}` : key;
      const keyProblem = plainTextProblem(key);
      if (keyProblem) return problem(next.field, `field names ${keyProblem}`);
      pending.push({ value: (next.value as Record<string, unknown>)[key], field, depth: next.depth + 1 });
    }
  }
  return undefined;
}
