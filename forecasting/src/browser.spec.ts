import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { preProcessFile } from 'typescript';

/** Every file the entry point loads (relative imports), and the packages they import. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.add(fileName);
        continue;
      }
      const base = resolve(dirname(file), fileName);
      visit([`${base}.ts`, join(base, 'index.ts')].find((candidate) => exists(candidate))!);
    }
  };
  visit(entry);
  return { files, packages };
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

describe('the browser entry point', () => {
  const { files, packages } = importGraph(join(__dirname, 'browser.ts'));

  it('loads no Node built-in, no worker thread and not the solver', () => {
    expect([...packages].filter((name) => name.startsWith('node:') || name === 'highs')).toEqual([]);
    expect([...files].filter((file) => file.includes(`${join('src', 'shifts')}`))).toEqual([]);
    // what it does load: browser-safe packages only
    expect([...packages].sort()).toEqual(['csv-parse/sync', 'date-holidays', 'luxon']);
  });

  it('still offers the calendar, the forecast and the staffing functions', async () => {
    const browser = await import('./browser');
    expect(typeof browser.eventOccurrences).toBe('function');
    expect(typeof browser.forecastDaily).toBe('function');
    // the classic worked example: 14 agents answer 100 calls / 30 min (AHT 180 s) with C = 0.1741
    expect(browser.erlangC(14, 10)).toBeCloseTo(0.1741, 4);
  });

  it('is where the whole library takes calendar, forecast and staffing from too', () => {
    const { files: whole } = importGraph(join(__dirname, 'index.ts'));
    const loaded = [...files].filter((file) => !file.endsWith('browser.ts'));
    expect(loaded.length).toBeGreaterThan(40);
    expect(loaded.filter((file) => !whole.has(file))).toEqual([]);
  });
});
