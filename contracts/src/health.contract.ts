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
  /** Demo mode only: the demo's past peaks, forecast, planned and reviewed just after a first start. */
  demo?: { pastPeaks: DemoPastPeaksStatus };
}

/** The service listens at once; the demo's past peaks follow in the background, one by one. */
export interface DemoPastPeaksStatus {
  state: 'preparing' | 'ready' | 'failed';
  /** Peaks done, e.g. `Christmas 2025`, oldest first. */
  done: string[];
  /** The peak being prepared now, if any. */
  current: string | null;
  /** All peaks the demo prepares. */
  total: number;
}
