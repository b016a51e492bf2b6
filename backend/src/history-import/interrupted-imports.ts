import type { DataSource } from 'typeorm';

import type { HistoryImportProgress, HistoryImportReport } from '@peakplan/contracts';

import { STALE_AFTER_MINUTES } from './staging-table';
import { queryRows } from '../database/query-rows';

export const INTERRUPTED_MESSAGE =
  'interrupted: the service stopped before this import finished; nothing was imported, import the file again';

/**
 * Marks interrupted the imports recorded as running that no process is reading: not running in this
 * process (`runningHere`), and without a live staging run — one touched lately and, on embedded
 * PostgreSQL (`startedBefore` = this process's start; one process owns the data folder), one started by
 * this process. Their staging is dropped by the next sweep. Nothing of theirs reached the history: it is
 * written in one transaction at the end.
 */
export async function markInterruptedImports(
  dataSource: DataSource,
  runningHere: string[],
  startedBefore: Date | null,
): Promise<number> {
  const dead = await queryRows<{ id: string; report: HistoryImportProgress }>(
    dataSource,
    `select h.id, h.report from history_import h
      where h.status = 'running' and not (h.id = any($1::uuid[]))
        and not exists (
          select 1 from history_staging_run r
           where r.import_id = h.id and r.touched_at >= now() - make_interval(mins => $2)
             and ($3::timestamptz is null or r.started_at >= $3))`,
    [runningHere, STALE_AFTER_MINUTES, startedBefore],
  );
  for (const { id, report: progress } of dead) {
    const report: HistoryImportReport = {
      importId: id,
      status: 'interrupted',
      fileName: progress.fileName,
      skipInvalidRows: false,
      rowsRead: progress.rowsRead,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: progress.rejected,
      problems: [],
      problemsTruncated: false,
      queues: [],
      message: INTERRUPTED_MESSAGE,
      startedAt: progress.startedAt,
      finishedAt: new Date().toISOString(),
    };
    await dataSource.query(
      `update history_import set status = 'interrupted', finished_at = $2, report = $3
        where id = $1 and status = 'running'`,
      [id, report.finishedAt, JSON.stringify(report)],
    );
  }
  return dead.length;
}
