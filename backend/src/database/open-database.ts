import { Client } from 'pg';

import type { DatabaseKind } from '@peakplan/contracts';

import type { AppConfig } from '../config/app-config';
import type { DatabaseTarget } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';

export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

export interface OpenDatabase {
  kind: DatabaseKind;
  target: DatabaseTarget;
  /** Stops the embedded database (flushing it); nothing for a server. */
  stop(): Promise<void>;
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The PostgreSQL server from DATABASE_URL (checked to answer), or embedded PostgreSQL in the data folder
 * (an empty folder starts from the build's template database when there is one).
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedTemplateDir'>,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const client = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseUnreachableError(
        `cannot reach the PostgreSQL server at ${describeUrl(config.databaseUrl)} (${reason}); start it, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
    return {
      kind: 'server',
      target: { kind: 'server', url: config.databaseUrl },
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, { templateDir: config.embeddedTemplateDir });
  return {
    kind: 'embedded',
    target: { kind: 'embedded', socketDir: embedded.socketDir },
    stop: () => embedded.stop(),
  };
}
