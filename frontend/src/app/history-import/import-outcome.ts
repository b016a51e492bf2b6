import type { ApiError, HistoryImportReport, ImportRowProblem } from '@peakplan/contracts';

/**
 * What the import panel shows after an upload: the report, or a refusal with its row / field / reason
 * problems. Pure, so its spec runs under plain jest.
 */
export type ImportOutcome =
  | { kind: 'completed'; report: HistoryImportReport }
  | { kind: 'refused'; message: string; problems: ImportRowProblem[]; httpStatus: number };

/** Reads a refused upload's answer (400 bad file, 422 bad rows) into one message and a problem table. */
export function refusedOutcome(httpStatus: number, body: unknown, fallback: string): ImportOutcome {
  const error = (typeof body === 'object' && body !== null ? body : {}) as Partial<ApiError>;
  const problems: ImportRowProblem[] = (Array.isArray(error.details) ? error.details : [])
    .filter((detail) => typeof detail?.reason === 'string')
    .map((detail) => ({
      // A whole-file problem (wrong header, not UTF-8) has no row: the header is row 1.
      row: typeof detail.row === 'number' ? detail.row : 1,
      field: detail.field ?? 'file',
      reason: detail.reason,
    }));
  const message = typeof error.message === 'string' && error.message.trim() ? error.message : fallback;
  return { kind: 'refused', message, problems, httpStatus };
}

/** Share of the upload sent, 0..1, or null when the browser does not know the size. */
export function uploadShare(loaded: number, total: number | undefined): number | null {
  if (!total || total <= 0) return null;
  return Math.min(1, Math.max(0, loaded / total));
}

/** One line saying what an import did. */
export function reportSummary(report: HistoryImportReport, format: (value: number) => string): string {
  const parts = [
    `${format(report.rowsRead)} rows read`,
    `${format(report.inserted)} new`,
    `${format(report.updated)} changed`,
    `${format(report.unchanged)} unchanged`,
  ];
  if (report.rejected > 0) parts.push(`${format(report.rejected)} skipped as invalid`);
  return parts.join(', ') + '.';
}
