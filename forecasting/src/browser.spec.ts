/* The browser entry point must stay loadable in a page: nothing it reaches may import Node built-ins,
 * the HiGHS solver or the holiday library (the dashboard bundles it). Followed through the import graph. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import * as browser from './browser';

function reachedImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
    (match) => match[1],
  );
  return specifiers.flatMap((specifier) => {
    if (!specifier.startsWith('.')) return [specifier];
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, `${base}/index.ts`].find((candidate) => {
      try {
        readFileSync(candidate);
        return true;
      } catch {
        return false;
      }
    });
    return target ? reachedImports(target, seen) : [specifier];
  });
}

describe('browser entry point', () => {
  it('reaches no Node built-in, solver or holiday library', () => {
    const external = reachedImports(resolve(__dirname, 'browser.ts'));
    expect(
      external.filter((specifier) => /^(node:|highs|date-holidays|worker_threads|fs|path)/.test(specifier)),
    ).toEqual([]);
  });

  it('offers the calendar rules, the staffing formulas and the scenario computation', () => {
    // Mother's Day NL 2026: second Sunday of May = 10 May.
    expect(browser.resolveEventDates({ kind: 'nth-weekday', month: 5, weekday: 0, n: 2 }, 2026)).toEqual([
      '2026-05-10',
    ]);
    expect(typeof browser.staffInterval).toBe('function');
    expect(typeof browser.computeScenario).toBe('function');
  });
});
