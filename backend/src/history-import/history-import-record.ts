/* The history_import rows: an import's report as it finished, or as it was refused. */
import type { HttpException } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

import type { HistoryImportProgress, HistoryImportReport, ImportRowProblem } from '@peakplan/contracts';

import type { ImportRowError } from './history-csv-row';
import type { HistoryImportOptions } from './history-import.service';

/** Records a finished import (in the merge's transaction). */
export async function recordImport(
  runner: QueryRunner,
  report: HistoryImportReport,
  importedBy: string | null,
): Promise<void> {
  await runner.query(
    `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set status = excluded.status, finished_at = excluded.finished_at,
       report = excluded.report`,
    [
      report.importId,
      report.status,
      report.fileName,
      importedBy,
      report.startedAt,
      report.finishedAt,
      JSON.stringify(report),
    ],
  );
}

/** Records a refused file's report, unless another process finished the import meanwhile. */
export async function recordRefusedImport(
  dataSource: DataSource,
  importId: string,
  options: HistoryImportOptions,
  progress: HistoryImportProgress,
  refusal: HttpException,
): Promise<void> {
  const body = refusal.getResponse() as { message?: string; details?: ImportRowError[] };
  const details = (body.details ?? []).map(toProblem);
  const report: HistoryImportReport = {
    importId,
    status: 'refused',
    fileName: options.fileName ?? null,
    skipInvalidRows: options.skipInvalidRows,
    rowsRead: progress.rowsRead,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: progress.rejected,
    problems: details,
    problemsTruncated: progress.rejected > details.length,
    queues: [],
    message: String(body.message ?? refusal.message),
    startedAt: progress.startedAt,
    finishedAt: new Date().toISOString(),
  };
  await dataSource.query(
    `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
     values ($1, 'refused', $2, $3, $4, $5, $6)
     on conflict (id) do update set status = 'refused', finished_at = excluded.finished_at, report = excluded.report
     where history_import.status = 'running'`,
    [
      importId,
      report.fileName,
      options.importedBy ?? null,
      report.startedAt,
      report.finishedAt,
      JSON.stringify(report),
    ],
  );
}

export function toProblem(problem: ImportRowError): ImportRowProblem {
  return { row: problem.row, field: problem.field, reason: problem.reason };
}
