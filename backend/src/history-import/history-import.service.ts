import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

import {
  BadRequestException,
  ConflictException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DateTime } from 'luxon';
import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';

import type { HistoryImportProgress, HistoryImportReport } from '@peakplan/contracts';

import { csvText } from '../common/csv-text';
import { refreshDailyHistoryForStaging } from '../history/daily-history';
import { refreshReasonDaysForStaging } from '../history/reason-days';
import { OrganisationsService } from '../organisations/organisations.service';
import { CopyStagingSink } from './copy-staging-sink';
import { CsvRecordSplitter } from './csv-record-splitter';
import { DuplicateWatch } from './duplicate-watch';
import {
  HistoryRowReader,
  ImportFileError,
  type HistoryImportQueue,
  type ImportRowError,
} from './history-csv-row';
import {
  deleteStagedRows,
  findDuplicates,
  insertWhenAllNew,
  mergeStaged,
  stagedQueues,
  type MergeCounts,
  waitForMergeTurn,
} from './history-merge';
import { recordImport, recordRefusedImport, toProblem } from './history-import-record';
import { InsertStagingSink } from './insert-staging-sink';
import { QueueRanges } from './queue-ranges';
import type { StagingSink } from './staging-sink';
import { markInterruptedImports } from './interrupted-imports';
import { StagingLostError, StagingTable, sweepStagingTables } from './staging-table';
import { queryOne, queryRows } from '../database/query-rows';

/** Row problems kept for the report; the count goes on past it. */
const MAX_REPORTED_PROBLEMS = 1000;
/** A record longer than this is not contact history (e.g. a 10 MB line without line ends). */
const MAX_RECORD_CHARS = 64 * 1024;
/** How often a running import's progress is stored, for the instances that do not read the file. */
const PROGRESS_STORE_MS = 2000;

/** Streamed, so far larger than memory would allow; a file beyond this is the wrong file. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface HistoryImportOptions {
  importId?: string;
  fileName?: string;
  /** Import the good rows and report the bad ones, instead of refusing the whole file. */
  skipInvalidRows: boolean;
  /** Who imports (kept with the import record). */
  importedBy?: string | null;
}

/**
 * Contact history (and daily actuals) from CSV into `contact_history`, one transaction per file: the
 * upload streams through the record splitter and the row reader into the import's own staging table
 * (COPY on a PostgreSQL server, multi-row INSERTs on embedded PostgreSQL), in autocommitted batches
 * that each take a pooled connection and give it back, so that other requests are served between
 * batches (the embedded database has one connection). Then one short transaction checks what needs the
 * whole file, merges by the cheapest correct statement (see history-merge.ts), records the import and
 * drops the staging table. A file with bad rows is refused whole unless the planner asks to skip them;
 * re-importing a file changes nothing; a killed process leaves contact_history as it was, and its
 * staging table is dropped later (staging-table.ts).
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger('history-import');
  private readonly running = new Map<string, HistoryImportProgress>();
  private copyWorks: Promise<boolean> | undefined;
  /** Before this process's first import: the staging that dead processes left (see sweep()). */
  private firstSweep: Promise<void> | undefined;
  private readonly startedAt = new Date();

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  /**
   * COPY FROM STDIN works on a PostgreSQL server, not on PGlite behind pglite-socket (it drops the
   * connection). Asked of the database itself rather than injected, so that the benchmark (run by tsx,
   * which has no parameter decorators) builds the service as the app does.
   */
  private supportsCopy(): Promise<boolean> {
    this.copyWorks ??= queryRows<{ copy: boolean }>(
      this.dataSource,
      `select version() not like '%PGlite%' as copy`,
    )
      .then(([row]) => row.copy)
      .catch((error: unknown) => {
        // Ask again next time: a database that was briefly away must not stay "unknown" for good.
        this.copyWorks = undefined;
        throw error;
      });
    return this.copyWorks;
  }

  /**
   * Drops the staging tables of dead imports: on embedded PostgreSQL every run from before this
   * process started (one process owns the data folder), and everywhere the runs untouched for a while
   * (on a server, other instances' live imports must be left alone). Awaited before an import
   * registers its own run, so the first sweep never takes it. A failed sweep only leaves space taken:
   * it is logged, and tried again by the next import.
   */
  private async sweep(embedded: boolean): Promise<void> {
    this.firstSweep ??= sweepStagingTables(this.dataSource, embedded ? this.startedAt : undefined).then(
      (dropped) => {
        if (dropped > 0) this.logger.log(`dropped the staging of ${dropped} import(s) that did not finish`);
      },
      (error: unknown) => {
        this.firstSweep = undefined;
        this.logger.warn(`could not sweep the staging of unfinished imports: ${String(error)}`);
      },
    );
    const first = this.firstSweep;
    await first;
    if (first !== this.firstSweep) return;
    await sweepStagingTables(this.dataSource).catch((error: unknown) =>
      this.logger.warn(`could not sweep the staging of unfinished imports: ${String(error)}`),
    );
  }

  async importCsv(input: Readable, options: HistoryImportOptions): Promise<HistoryImportReport> {
    const importId = options.importId ?? randomUUID();
    if (this.running.has(importId)) throw new BadRequestException(`import ${importId} is already running`);
    const organisation = await this.organisations.current();
    const queues = await queryRows<HistoryImportQueue>(
      this.dataSource,
      `select id, name, interval_minutes as "intervalMinutes" from queue where organisation_id = $1`,
      [organisation.id],
    );
    const startedAt = new Date();
    const progress: HistoryImportProgress = {
      importId,
      status: 'running',
      phase: 'reading',
      fileName: options.fileName ?? null,
      bytesRead: 0,
      rowsRead: 0,
      rejected: 0,
      startedAt: startedAt.toISOString(),
    };
    this.running.set(importId, progress);
    let stopReading = () => undefined as void;
    let staging: StagingTable | undefined;
    let sink: StagingSink | undefined;
    let runner: QueryRunner | undefined;
    const problems: ImportRowError[] = [];
    let problemCount = 0;
    const addProblems = (found: ImportRowError[]) => {
      problemCount += found.length > 0 ? 1 : 0;
      for (const problem of found) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
    };
    try {
      const copy = await this.supportsCopy();
      await this.sweep(!copy);
      staging = await StagingTable.create(this.dataSource, importId);
      const stagingTable = staging;
      // Recorded from the start: an import killed with the service is then reported as interrupted.
      await this.dataSource.query(
        `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
         values ($1, 'running', $2, $3, $4, null, $5) on conflict (id) do nothing`,
        [
          importId,
          progress.fileName,
          options.importedBy ?? null,
          progress.startedAt,
          JSON.stringify(progress),
        ],
      );
      // No connection is held while the file is read: each batch takes one from the pool.
      const rowSink: StagingSink = copy
        ? new CopyStagingSink(this.dataSource, staging.name)
        : new InsertStagingSink(this.dataSource, staging.name);
      sink = rowSink;
      const text = csvText({
        maxBytes: MAX_FILE_BYTES,
        onBytes: (bytes) => (progress.bytesRead += bytes),
        toError: (problem) => new ImportFileError(problem.message, problem.details),
      });
      const interrupted = () =>
        text.destroy(new ImportFileError('the upload was interrupted before the end of the file'));
      input.once('aborted', interrupted).once('error', interrupted);
      input.once('close', () => {
        if (!input.readableEnded) interrupted();
      });
      input.pipe(text);
      stopReading = () => input.unpipe(text);
      const today = DateTime.now().setZone(organisation.timeZone).toISODate()!;
      const nowMs = Date.now();
      const ranges = new QueueRanges();
      const duplicateWatch = new DuplicateWatch();
      const splitter = new CsvRecordSplitter(MAX_RECORD_CHARS);
      let reader: HistoryRowReader | undefined;
      const onRecord = (record: string[], row: number) => {
        if (!reader) {
          reader = new HistoryRowReader(record, queues, today, nowMs, organisation.timeZone);
          return;
        }
        progress.rowsRead++;
        const read = reader.read(record, row);
        if (Array.isArray(read)) {
          addProblems(read);
          progress.rejected = problemCount;
          return;
        }
        // A refused file needs no more staging; it is still read to the end to report every bad row.
        if (problemCount > 0 && !options.skipInvalidRows) return;
        rowSink.add(read);
        ranges.add(read);
        duplicateWatch.see(read.queueId, read.startMs, read.reason);
      };
      let progressStoredAt = Date.now();
      for await (const chunk of text as AsyncIterable<string>) {
        splitter.write(chunk, onRecord);
        await rowSink.send();
        await stagingTable.touch();
        // For a poll that another instance answers: the progress in the import's row, every few seconds.
        if (Date.now() - progressStoredAt >= PROGRESS_STORE_MS) {
          progressStoredAt = Date.now();
          await this.dataSource.query(
            `update history_import set report = $2 where id = $1 and status = 'running'`,
            [importId, JSON.stringify(progress)],
          );
        }
      }
      splitter.end(onRecord);
      if (!reader)
        throw new ImportFileError(
          'row 1: the file is empty: expected a header queue,start,offered[,handled,abandoned,aht_seconds,reason] and rows',
          [{ row: 1, field: 'header', reason: 'missing: the file is empty' }],
        );
      if (progress.rowsRead === 0)
        throw new ImportFileError('row 2: the file has a header but no rows', [
          { row: 2, field: 'row', reason: 'missing: no rows after the header' },
        ]);
      await rowSink.finish();
      progress.phase = 'checking';
      // The one transaction that writes contact_history: short, since the rows are staged already.
      runner = this.dataSource.createQueryRunner();
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      await staging.claimForMerge(client);
      await waitForMergeTurn(client);
      let merged: MergeCounts | null = null;
      let queuesReport = ranges.report();
      if (problemCount === 0 || options.skipInvalidRows) {
        progress.phase = 'merging';
        merged = await insertWhenAllNew(client, staging.name, ranges.all);
      }
      if (!merged) {
        progress.phase = 'checking';
        const duplicates = duplicateWatch.noDuplicates ? [] : await findDuplicates(client, staging.name);
        for (const duplicate of duplicates) addProblems([duplicate]);
        progress.rejected = problemCount;
        if (problemCount > 0 && !options.skipInvalidRows) {
          problems.sort((a, b) => a.row - b.row);
          throw new UnprocessableEntityException({
            error: 'Unprocessable Entity',
            message: `${problemCount} row(s) are invalid, nothing was imported (first: row ${problems[0].row}, ${problems[0].field} ${problems[0].reason}); fix them or import with skipInvalidRows=true`,
            details: problems,
          });
        }
        if (duplicates.length > 0) {
          await deleteStagedRows(
            client,
            staging.name,
            duplicates.map((duplicate) => duplicate.row),
          );
          queuesReport = await stagedQueues(client, staging.name);
        }
        progress.phase = 'merging';
        merged = await mergeStaged(client, staging.name);
      }
      await refreshDailyHistoryForStaging(client, staging.name);
      await refreshReasonDaysForStaging(client, staging.name);
      problems.sort((a, b) => a.row - b.row);
      const report: HistoryImportReport = {
        importId,
        status: 'completed',
        fileName: options.fileName ?? null,
        skipInvalidRows: options.skipInvalidRows,
        rowsRead: progress.rowsRead,
        inserted: merged.inserted,
        updated: merged.updated,
        unchanged: progress.rowsRead - problemCount - merged.inserted - merged.updated,
        rejected: problemCount,
        problems: problems.map(toProblem),
        problemsTruncated: problemCount > problems.length,
        queues: queuesReport,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
      };
      await recordImport(runner, report, options.importedBy ?? null);
      await staging.dropInTransaction(client);
      await runner.commitTransaction();
      staging = undefined;
      return report;
    } catch (error) {
      await sink?.abort().catch(() => undefined);
      if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // Give the connection back before the clean-up: the embedded database has only one.
      await runner?.release().catch(() => undefined);
      await staging
        ?.discard()
        .catch((dropError: unknown) =>
          this.logger.warn(`could not drop the staging of import ${importId}: ${String(dropError)}`),
        );
      const refusal = this.toHttpError(error);
      await recordRefusedImport(this.dataSource, importId, options, progress, refusal).catch(
        (recordError: unknown) =>
          this.logger.warn(`could not record refused import ${importId}: ${String(recordError)}`),
      );
      throw refusal;
    } finally {
      stopReading();
      await runner?.release().catch(() => undefined);
      this.running.delete(importId);
    }
  }

  /** The progress of a running import, or the report of a finished one. */
  async status(importId: string): Promise<HistoryImportProgress | HistoryImportReport> {
    const running = this.running.get(importId);
    if (running) return { ...running };
    await this.markInterrupted();
    const stored = await queryOne<{ report: HistoryImportReport }>(
      this.dataSource,
      `select report from history_import where id = $1`,
      [importId],
    );
    if (!stored) throw new NotFoundException(`import ${importId} does not exist`);
    return stored.report;
  }

  /** The latest imports, newest first (reports without their row problems), and the running ones. */
  async list(limit = 50): Promise<(HistoryImportProgress | HistoryImportReport)[]> {
    await this.markInterrupted();
    // Running here: the live progress; running on another instance: the progress it last stored.
    const rows = await queryRows<{ report: HistoryImportReport }>(
      this.dataSource,
      `select report - 'problems' as report from history_import
        where status <> 'running' or not (id = any($2::uuid[]))
        order by started_at desc limit $1`,
      [limit, [...this.running.keys()]],
    );
    return [
      ...[...this.running.values()].map((progress) => ({ ...progress })),
      ...rows.map((row) => row.report),
    ];
  }

  /** Marks interrupted the imports recorded as running that no process is reading any more. */
  private async markInterrupted(): Promise<void> {
    const embedded = !(await this.supportsCopy());
    await markInterruptedImports(this.dataSource, [...this.running.keys()], embedded ? this.startedAt : null);
  }

  private toHttpError(error: unknown): HttpException {
    if (error instanceof HttpException) return error;
    if (error instanceof StagingLostError)
      return new ConflictException({ error: 'Conflict', message: error.message, details: [] });
    if (error instanceof ImportFileError)
      return new BadRequestException({
        error: 'Bad Request',
        message: `${error.message}; nothing was imported`,
        details: error.details,
      });
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}
