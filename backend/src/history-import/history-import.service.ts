import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

import {
  BadRequestException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import { DataSource, QueryRunner } from 'typeorm';

import type { HistoryImportProgress, HistoryImportReport, ImportRowProblem } from '@peakplan/contracts';

import { OrganisationsService } from '../organisations/organisations.service';
import {
  HistoryRowReader,
  ImportFileError,
  type HistoryImportQueue,
  type ImportRowError,
  type StagedHistoryRow,
} from './history-csv-row';

/** Rows sent to PostgreSQL per statement (arrays through unnest: one round trip, one plan). */
const STAGING_BATCH = 5000;
/** Row problems kept for the report; the count goes on past it. */
const MAX_REPORTED_PROBLEMS = 1000;
/** A record longer than this is not contact history (e.g. a 10 MB line without line ends). */
const MAX_RECORD_BYTES = 64 * 1024;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface HistoryImportOptions {
  importId?: string;
  fileName?: string;
  /** Import the good rows and report the bad ones, instead of refusing the whole file. */
  skipInvalidRows: boolean;
  /** Who imports (kept with the import record). */
  importedBy?: string | null;
}

/** Decodes the upload as UTF-8, refusing binary data, and counts bytes for the progress. */
function utf8Text(progress: HistoryImportProgress): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      progress.bytesRead += chunk.length;
      if (progress.bytesRead > MAX_FILE_BYTES)
        return callback(new ImportFileError(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
      if (chunk.includes(0))
        return callback(
          new ImportFileError(
            'the file holds binary data (NUL bytes), not CSV text: export the history as UTF-8 CSV',
          ),
        );
      try {
        callback(null, decoder.decode(chunk, { stream: true }));
      } catch {
        callback(new ImportFileError('the file is not UTF-8 text: export the history as UTF-8 CSV'));
      }
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(new ImportFileError('the file ends inside a UTF-8 character: is it truncated?'));
      }
    },
  });
}

function csvProblem(error: unknown): ImportFileError {
  const csv = error as { code?: string; lines?: number; message?: string };
  if (error instanceof ImportFileError) return error;
  if (csv.code === 'CSV_MAX_RECORD_SIZE')
    return new ImportFileError(
      `row ${csv.lines ?? '?'}: a record is longer than ${MAX_RECORD_BYTES / 1024} KB; is this a CSV file with line ends?`,
      [{ row: csv.lines ?? 0, field: 'row', reason: 'record too long' }],
    );
  if (csv.code?.startsWith('CSV_'))
    return new ImportFileError(`row ${csv.lines ?? '?'}: not valid CSV: ${csv.message ?? csv.code}`, [
      { row: csv.lines ?? 0, field: 'row', reason: csv.message ?? csv.code },
    ]);
  throw error;
}

/**
 * Contact history (and daily actuals) from CSV into `contact_history`, in one transaction per file:
 * the records stream through the row reader into a temporary staging table in batches, duplicates are
 * found there, and one `insert … on conflict` statement merges the staging table. A file with bad rows
 * is refused whole unless the planner asks to skip them; re-importing a file changes nothing; a killed
 * process leaves only an uncommitted transaction, which PostgreSQL discards.
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger('history-import');
  private readonly running = new Map<string, HistoryImportProgress>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async importCsv(input: Readable, options: HistoryImportOptions): Promise<HistoryImportReport> {
    const importId = options.importId ?? randomUUID();
    if (this.running.has(importId)) throw new BadRequestException(`import ${importId} is already running`);
    const organisation = await this.organisations.current();
    const queues: HistoryImportQueue[] = await this.dataSource.query(
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
    const runner = this.dataSource.createQueryRunner();
    let stopReading = () => undefined as void;
    const problems: ImportRowError[] = [];
    let problemCount = 0;
    const addProblems = (found: ImportRowError[]) => {
      problemCount += found.length > 0 ? 1 : 0;
      for (const problem of found) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
    };
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`
        create temp table history_import_staging (
          row_number integer not null,
          queue_id uuid not null,
          interval_start timestamptz not null,
          interval_minutes integer not null,
          reason text not null,
          offered integer not null,
          handled integer,
          abandoned integer,
          aht_seconds double precision
        ) on commit drop`);
      const parser = parse({
        bom: true,
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        max_record_size: MAX_RECORD_BYTES,
      });
      const decoder = utf8Text(progress);
      const interrupted = () =>
        parser.destroy(new ImportFileError('the upload was interrupted before the end of the file'));
      input.once('aborted', interrupted).once('error', interrupted);
      input.once('close', () => {
        if (!input.readableEnded) interrupted();
      });
      decoder.on('error', (error) => parser.destroy(error));
      input.pipe(decoder).pipe(parser);
      stopReading = () => {
        input.unpipe(decoder);
        decoder.unpipe(parser);
      };
      const today = DateTime.now().setZone(organisation.timeZone).toISODate()!;
      let reader: HistoryRowReader | undefined;
      let batch: StagedHistoryRow[] = [];
      const flush = async () => {
        if (batch.length > 0) await this.stage(runner, batch, organisation.timeZone);
        batch = [];
      };
      try {
        for await (const { record, info } of parser as AsyncIterable<{
          record: string[];
          info: { lines: number };
        }>) {
          if (!reader) {
            reader = new HistoryRowReader(record, queues, today, Date.now());
            continue;
          }
          progress.rowsRead++;
          const read = reader.read(record, info.lines);
          if (Array.isArray(read)) {
            addProblems(read);
            progress.rejected = problemCount;
            continue;
          }
          // A refused file needs no more staging; it is still read to the end to report every bad row.
          if (problemCount > 0 && !options.skipInvalidRows) continue;
          batch.push(read);
          if (batch.length >= STAGING_BATCH) await flush();
        }
      } catch (error) {
        throw csvProblem(error);
      }
      if (!reader)
        throw new ImportFileError(
          'the file is empty: expected a header queue,start,offered[,handled,abandoned,aht_seconds,reason] and rows',
        );
      if (progress.rowsRead === 0) throw new ImportFileError('the file has a header but no rows');
      await flush();
      progress.phase = 'checking';
      const duplicates = await this.findDuplicates(runner);
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
      if (duplicates.length > 0)
        await runner.query(`delete from history_import_staging where row_number = any($1::int[])`, [
          duplicates.map((duplicate) => duplicate.row),
        ]);
      progress.phase = 'merging';
      const merged = await this.merge(runner);
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
        queues: merged.queues,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
      };
      await this.record(runner, report, options.importedBy ?? null);
      await runner.commitTransaction();
      return report;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // Give the connection back before recording the refusal: the embedded database has only one.
      await runner.release().catch(() => undefined);
      const refusal = this.toHttpError(error);
      await this.recordRefusal(importId, options, progress, refusal).catch((recordError: unknown) =>
        this.logger.warn(`could not record refused import ${importId}: ${String(recordError)}`),
      );
      throw refusal;
    } finally {
      stopReading();
      await runner.release().catch(() => undefined);
      this.running.delete(importId);
    }
  }

  /** The progress of a running import, or the report of a finished one. */
  async status(importId: string): Promise<HistoryImportProgress | HistoryImportReport> {
    const running = this.running.get(importId);
    if (running) return { ...running };
    const [stored] = await this.dataSource.query(`select report from history_import where id = $1`, [
      importId,
    ]);
    if (!stored) throw new NotFoundException(`import ${importId} does not exist`);
    return stored.report as HistoryImportReport;
  }

  /** The latest imports, newest first (reports without their row problems), and the running ones. */
  async list(limit = 50): Promise<(HistoryImportProgress | HistoryImportReport)[]> {
    const rows: { report: HistoryImportReport }[] = await this.dataSource.query(
      `select report - 'problems' as report from history_import order by started_at desc limit $1`,
      [limit],
    );
    return [
      ...[...this.running.values()].map((progress) => ({ ...progress })),
      ...rows.map((row) => row.report),
    ];
  }

  private async stage(runner: QueryRunner, rows: StagedHistoryRow[], timeZone: string): Promise<void> {
    await runner.query(
      `insert into history_import_staging
         select r, q, case when d then (s::date)::timestamp at time zone $1 else s::timestamptz end, m, reason, o, h, a, t
           from unnest($2::int[], $3::uuid[], $4::text[], $5::bool[], $6::int[], $7::text[], $8::int[], $9::int[], $10::int[], $11::float8[])
             as x(r, q, s, d, m, reason, o, h, a, t)`,
      [
        timeZone,
        rows.map((row) => row.row),
        rows.map((row) => row.queueId),
        rows.map((row) => row.start),
        rows.map((row) => row.daily),
        rows.map((row) => row.intervalMinutes),
        rows.map((row) => row.reason),
        rows.map((row) => row.offered),
        rows.map((row) => row.handled),
        rows.map((row) => row.abandoned),
        rows.map((row) => row.ahtSeconds),
      ],
    );
  }

  /** Later rows with the same queue, interval start and reason as an earlier row of the file. */
  private async findDuplicates(runner: QueryRunner): Promise<ImportRowError[]> {
    const rows: { row: number; first: number; total: string }[] = await runner.query(
      `select row_number as row, first_row as first, count(*) over () as total
         from (select row_number, min(row_number) over (partition by queue_id, interval_start, reason) as first_row
                 from history_import_staging) staged
        where row_number <> first_row
        order by row_number`,
    );
    return rows.map((duplicate) => ({
      row: duplicate.row,
      field: 'start',
      reason: `duplicates row ${duplicate.first} (same queue, start and reason)`,
    }));
  }

  /** One statement: new intervals inserted, changed ones updated, equal ones left alone (idempotent). */
  private async merge(runner: QueryRunner): Promise<{
    inserted: number;
    updated: number;
    queues: HistoryImportReport['queues'];
  }> {
    const [counts] = await runner.query(`
      with merged as (
        insert into contact_history as current (queue_id, interval_start, interval_minutes, reason, offered, handled, abandoned, aht_seconds)
        select queue_id, interval_start, interval_minutes, reason, offered, handled, abandoned, aht_seconds
          from history_import_staging
        on conflict (queue_id, interval_start, reason) do update
           set interval_minutes = excluded.interval_minutes, offered = excluded.offered, handled = excluded.handled,
               abandoned = excluded.abandoned, aht_seconds = excluded.aht_seconds
         where (current.interval_minutes, current.offered, current.handled, current.abandoned, current.aht_seconds)
               is distinct from (excluded.interval_minutes, excluded.offered, excluded.handled, excluded.abandoned, excluded.aht_seconds)
        returning (xmax = 0) as inserted
      )
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from merged`);
    const queues: HistoryImportReport['queues'] = await runner.query(`
      select q.name as queue, to_char(min(s.interval_start) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "firstStart",
             to_char(max(s.interval_start) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastStart",
             count(*)::int as rows
        from history_import_staging s join queue q on q.id = s.queue_id
       group by q.name order by q.name`);
    return { inserted: counts.inserted, updated: counts.updated, queues };
  }

  private async record(runner: QueryRunner, report: HistoryImportReport, importedBy: string | null) {
    await runner.query(
      `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
       values ($1, $2, $3, $4, $5, $6, $7)`,
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

  private async recordRefusal(
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
    await this.dataSource.query(
      `insert into history_import (id, status, file_name, imported_by, started_at, finished_at, report)
       values ($1, 'refused', $2, $3, $4, $5, $6) on conflict (id) do nothing`,
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

  private toHttpError(error: unknown): HttpException {
    if (error instanceof HttpException) return error;
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

function toProblem(problem: ImportRowError): ImportRowProblem {
  return { row: problem.row, field: problem.field, reason: problem.reason };
}
