export type DatabaseKind = 'embedded' | 'server';

export interface HealthResponse {
  status: 'ok';
  database: {
    kind: DatabaseKind;
    /** Migrations recorded as run, newest last. */
    migrationsRun: string[];
    /** Migrations known to the code but not yet run (empty when up to date). */
    migrationsPending: string[];
  };
  version: string;
  uptimeSeconds: number;
}
