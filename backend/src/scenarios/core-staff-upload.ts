/* Reads an uploaded core-staff CSV from a stream into checked rows, before any transaction opens: the
 * embedded database serves one transaction at a time, so a slow upload must not hold it. Bounded by
 * bytes and rows; every bad row is collected so that the refusal lists them all (up to a cap). */
import type { Readable } from 'node:stream';

import { parse } from 'csv-parse';

import { csvText } from '../common/csv-text';

import {
  CoreStaffFileError,
  CoreStaffRowReader,
  type CoreStaffRow,
  type CoreStaffRowError,
} from './core-staff-csv';

/** A six-week peak × 96 intervals × a few queues is ~12,000 rows; far beyond that is the wrong file. */
export const MAX_CORE_STAFF_ROWS = 200_000;
/** 200,000 rows of ~45 bytes each, with room for long queue names. */
export const MAX_CORE_STAFF_BYTES = 16 * 1024 * 1024;
/** Row problems listed in a refusal; the count goes on past it. */
export const MAX_REPORTED_PROBLEMS = 1000;
const MAX_RECORD_BYTES = 4 * 1024;

export interface ReadCoreStaff {
  rows: CoreStaffRow[];
  /** Rows with at least one problem. */
  badRows: number;
  problems: CoreStaffRowError[];
}

function csvProblem(error: unknown): CoreStaffFileError {
  if (error instanceof CoreStaffFileError) return error;
  const csv = error as { code?: string; lines?: number; message?: string };
  if (csv.code === 'CSV_MAX_RECORD_SIZE')
    return new CoreStaffFileError(
      `row ${csv.lines ?? '?'}: a record is longer than ${MAX_RECORD_BYTES / 1024} KB; is this a CSV file with line ends?`,
      [{ row: csv.lines ?? 0, field: 'row', reason: 'record too long' }],
    );
  if (csv.code?.startsWith('CSV_'))
    return new CoreStaffFileError(`row ${csv.lines ?? '?'}: not valid CSV: ${csv.message ?? csv.code}`, [
      { row: csv.lines ?? 0, field: 'row', reason: csv.message ?? csv.code },
    ]);
  throw error;
}

/**
 * Every row of the file, checked by the reader that `makeReader` builds from the header.
 * @throws CoreStaffFileError for an empty file, a bad header, bad CSV, or too many rows or bytes
 */
export async function readCoreStaffCsv(
  input: Readable,
  makeReader: (header: string[]) => CoreStaffRowReader,
): Promise<ReadCoreStaff> {
  const parser = parse({
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const decoder = csvText({
    maxBytes: MAX_CORE_STAFF_BYTES,
    toError: (problem) =>
      problem.tooLarge
        ? new CoreStaffFileError(
            `${problem.message}; core staff is at most ${MAX_CORE_STAFF_ROWS} rows`,
            [],
            true,
          )
        : new CoreStaffFileError(problem.message, problem.details),
  });
  const interrupted = () =>
    parser.destroy(new CoreStaffFileError('the upload was interrupted before the end of the file'));
  input.once('aborted', interrupted).once('error', interrupted);
  input.once('close', () => {
    if (!input.readableEnded) interrupted();
  });
  decoder.on('error', (error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);
  const result: ReadCoreStaff = { rows: [], badRows: 0, problems: [] };
  let reader: CoreStaffRowReader | undefined;
  let rowsRead = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!reader) {
        reader = makeReader(record);
        continue;
      }
      if (++rowsRead > MAX_CORE_STAFF_ROWS)
        throw new CoreStaffFileError(
          `the file has more than ${MAX_CORE_STAFF_ROWS} rows; upload core staff for the scenario's period only`,
          [{ row: info.lines, field: 'row', reason: `more than ${MAX_CORE_STAFF_ROWS} rows` }],
          true,
        );
      const read = reader.read(record, info.lines);
      if (!Array.isArray(read)) {
        result.rows.push(read);
        continue;
      }
      result.badRows++;
      for (const problem of read)
        if (result.problems.length < MAX_REPORTED_PROBLEMS) result.problems.push(problem);
    }
  } catch (error) {
    throw csvProblem(error);
  } finally {
    // The caller reads what is left of a refused upload, so that the client gets the answer, not a reset.
    input.unpipe(decoder);
    decoder.unpipe(parser);
    input.off('aborted', interrupted).off('error', interrupted);
  }
  if (!reader)
    throw new CoreStaffFileError('the file is empty: expected the header queue,start,agents and rows');
  if (rowsRead === 0)
    throw new CoreStaffFileError(
      'the file has a header but no rows; to remove the uploaded core staff, DELETE it instead',
    );
  return result;
}
