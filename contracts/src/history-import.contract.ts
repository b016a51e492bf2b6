/** A row (or the header, row 1) that an import refused, and why. */
export interface ImportRowProblem {
  /** Line number in the file; 1 is the header. */
  row: number;
  /** The column (`queue`, `start`, `offered`, …), `header` or `row` for the whole record. */
  field: string;
  reason: string;
}

/** While an import runs (poll `GET /api/history/imports/{importId}`). */
export interface HistoryImportProgress {
  importId: string;
  status: 'running';
  phase: 'reading' | 'checking' | 'merging';
  fileName: string | null;
  bytesRead: number;
  rowsRead: number;
  /** Bad rows found so far. */
  rejected: number;
  startedAt: string;
}

/** The final report of an import: what was read, written, left alone and refused. */
export interface HistoryImportReport {
  importId: string;
  /**
   * `refused`: nothing was written (bad file, or bad rows without skipInvalidRows). `interrupted`: the
   * service stopped (or was killed) during the import; nothing was written.
   */
  status: 'completed' | 'refused' | 'interrupted';
  fileName: string | null;
  skipInvalidRows: boolean;
  /** Data rows read (the header not counted). */
  rowsRead: number;
  /** Intervals new to the database. */
  inserted: number;
  /** Intervals that existed with other figures. */
  updated: number;
  /** Intervals that existed with the same figures (a re-import changes nothing). */
  unchanged: number;
  /** Rows refused (bad values or duplicates within the file). */
  rejected: number;
  /** The first 1000 problems, by row. */
  problems: ImportRowProblem[];
  problemsTruncated: boolean;
  /** Per queue: rows written or confirmed, and the first and last interval start (UTC). */
  queues: { queue: string; firstStart: string; lastStart: string; rows: number }[];
  message?: string;
  startedAt: string;
  finishedAt: string;
}
