import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { hasEmbeddedTemplate, seedFromEmbeddedTemplate } from './embedded-template';

// The copy's rules on plain files; the real template (PGlite's initdb and every migration, made by
// `npm run build`) is started from in tests/api/product-lifecycle.api.spec.ts.
describe('seeding a data folder from the embedded database template', () => {
  let root: string;
  let template: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'peakplan-template-spec-'));
    template = join(root, 'embedded-template');
    mkdirSync(join(template, 'pglite', 'base'), { recursive: true });
    writeFileSync(join(template, 'pglite', 'PG_VERSION'), '17\n');
    writeFileSync(join(template, 'pglite', 'base', 'table'), 'rows');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the cluster into a folder without one, whole and under its final name', () => {
    writeFileSync(join(template, 'template.json'), '{"migrations":[]}\n');
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    expect(seedFromEmbeddedTemplate(dataDir, template)).toBe(true);
    expect(readFileSync(join(dataDir, 'pglite', 'base', 'table'), 'utf8')).toBe('rows');
    expect(existsSync(join(dataDir, 'pglite.copying'))).toBe(false);
    // The template is not the data folder's: a write to the copy leaves it alone.
    writeFileSync(join(dataDir, 'pglite', 'base', 'table'), 'changed');
    expect(readFileSync(join(template, 'pglite', 'base', 'table'), 'utf8')).toBe('rows');
  });

  it('never touches a folder that holds a database', () => {
    writeFileSync(join(template, 'template.json'), '{"migrations":[]}\n');
    const dataDir = join(root, 'existing');
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), 'mine');
    expect(seedFromEmbeddedTemplate(dataDir, template)).toBe(false);
    expect(readFileSync(join(dataDir, 'pglite', 'PG_VERSION'), 'utf8')).toBe('mine');
    expect(existsSync(join(dataDir, 'pglite', 'base'))).toBe(false);
  });

  it('does nothing with a half-made template (no marker), a missing one, or none given', () => {
    expect(hasEmbeddedTemplate(template)).toBe(false);
    const dataDir = join(root, 'data');
    expect(seedFromEmbeddedTemplate(dataDir, template)).toBe(false);
    expect(seedFromEmbeddedTemplate(dataDir, join(root, 'nowhere'))).toBe(false);
    expect(seedFromEmbeddedTemplate(dataDir, undefined)).toBe(false);
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });
});
