/* Per queue, while an import reads its file: the rows and time range of each queue, for the report
 * and for the fast merge path's checks. */
import type { HistoryImportReport } from '@peakplan/contracts';

import type { StagedHistoryRow } from './history-csv-row';
import type { StagedQueueRange } from './history-merge';

export class QueueRanges {
  private readonly byQueue = new Map<string, StagedQueueRange>();

  add(row: StagedHistoryRow): void {
    const range = this.byQueue.get(row.queueId);
    if (!range)
      this.byQueue.set(row.queueId, {
        queueId: row.queueId,
        queue: row.queueName,
        rows: 1,
        firstMs: row.startMs,
        lastMs: row.startMs,
      });
    else {
      range.rows++;
      if (row.startMs < range.firstMs) range.firstMs = row.startMs;
      if (row.startMs > range.lastMs) range.lastMs = row.startMs;
    }
  }

  get all(): StagedQueueRange[] {
    return [...this.byQueue.values()];
  }

  report(): HistoryImportReport['queues'] {
    const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return this.all
      .sort((a, b) => (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0))
      .map((range) => ({
        queue: range.queue,
        firstStart: utc(range.firstMs),
        lastStart: utc(range.lastMs),
        rows: range.rows,
      }));
  }
}
