import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A freshly initialised, migrated embedded database, made once by the build (`npm run build`, beside
 * the frontend's build so the build takes no longer) and copied into an empty data folder on the first
 * start. PGlite's initdb takes 6–7 s of one core; copying its 39 MB takes a third of a second. The copy
 * is only a head start: the start still runs every pending migration, so a template older than the code
 * is harmless, and without a template the start runs initdb itself as before.
 */

/** `dist/embedded-template`, beside the compiled backend and frontend. */
export function embeddedTemplateDir(distDir: string): string {
  return join(distDir, 'embedded-template');
}

/** The PGlite cluster inside a data folder or a template: `<folder>/pglite`. */
export function clusterOf(folder: string): string {
  return join(folder, 'pglite');
}

/** Whether `folder` holds a whole template (the marker is written last, after a clean shutdown). */
export function hasEmbeddedTemplate(templateDir: string): boolean {
  return (
    existsSync(join(templateDir, 'template.json')) && existsSync(join(clusterOf(templateDir), 'PG_VERSION'))
  );
}

/**
 * Copies the template's cluster to `<dataDir>/pglite` when that folder does not exist yet (the caller
 * holds the data folder's lock). Copied under another name and renamed, so an interrupted copy is
 * never taken for a database. Returns whether it copied.
 */
export function seedFromEmbeddedTemplate(dataDir: string, templateDir: string | undefined): boolean {
  const cluster = clusterOf(dataDir);
  if (!templateDir || existsSync(cluster) || !hasEmbeddedTemplate(templateDir)) return false;
  const copying = `${cluster}.copying`;
  rmSync(copying, { recursive: true, force: true });
  cpSync(clusterOf(templateDir), copying, { recursive: true });
  renameSync(copying, cluster);
  return true;
}
