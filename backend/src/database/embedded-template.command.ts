/* `node dist/backend/backend/src/database/embedded-template.command.js`, run by `npm run build`: makes
 * `dist/embedded-template`, the initialised and migrated embedded database a first start copies
 * (see embedded-template.ts). */
import '../register-aliases';
import 'reflect-metadata';

import { join } from 'node:path';

import { embeddedTemplateDir } from './embedded-template';
import { makeEmbeddedTemplate } from './make-embedded-template';

async function main(): Promise<void> {
  const started = Date.now();
  // dist/backend/backend/src/database/ → dist/
  const templateDir = embeddedTemplateDir(join(__dirname, '..', '..', '..', '..'));
  const migrations = await makeEmbeddedTemplate(templateDir);
  process.stdout.write(
    `embedded database template with ${migrations.length} migrations in ${templateDir} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `the embedded database template could not be made: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
