/* The one reader of uploaded CSV text (history import, core staff, accounts): strict UTF-8, no binary
 * data, a byte limit, and one rule for what spreadsheets add — a byte-order mark and CR LF line ends are
 * refused with a message saying how to save the file, the same for every upload. (The history import's
 * fast splitter and COPY path read LF-only text without a BOM; the other readers now take the same.) */
import { Transform } from 'node:stream';

export interface CsvTextProblem {
  message: string;
  details: { row: number; field: string; reason: string }[];
  /** Over the byte limit: answered 413 rather than 400. */
  tooLarge: boolean;
}

export interface CsvTextOptions {
  maxBytes: number;
  /** Called with each chunk's size, for progress. */
  onBytes?: (bytes: number) => void;
  /** Turns a problem into the reader's own error type. */
  toError: (problem: CsvTextProblem) => Error;
}

export const CSV_TEXT_MESSAGES = {
  bom: "row 1: the file starts with a UTF-8 byte-order mark (BOM); save it as CSV in UTF-8 without BOM (in Excel: 'CSV (Comma delimited)', or remove the BOM in a text editor) and upload it again",
  crlf: (row: number) =>
    `row ${row}: the line ends with CR LF (Windows line ends); save the CSV with LF line ends (Unix/macOS), e.g. with dos2unix or your editor's line-ending setting, and upload it again`,
  cr: (row: number) =>
    `row ${row}: the line holds a carriage return (CR) before its end; save the CSV with LF line ends and upload it again`,
  binary: (row: number) =>
    `row ${row}: the file holds binary data (a NUL byte), not CSV text: save it as UTF-8 CSV`,
  notUtf8: (row: number) =>
    `row ${row}: the file is not UTF-8 text (a byte that is not UTF-8, e.g. Latin-1 or Windows-1252): save it as UTF-8 CSV`,
  truncated: (row: number) => `row ${row}: the file ends inside a UTF-8 character: is it truncated?`,
  tooLarge: (maxBytes: number) => `the file is larger than ${maxBytes / 1024 / 1024} MB`,
};

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Line ends in `bytes` before `end`. */
function lineEnds(bytes: Buffer, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/** Where in `bytes` the first byte that is not UTF-8 lies (a decoder only says that one does). */
function firstInvalidByte(bytes: Buffer): number {
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      valid = middle;
    } catch {
      invalid = middle;
    }
  }
  return valid;
}

/** Bytes in, checked strings out. */
export function csvText(options: CsvTextOptions): Transform {
  // ignoreBOM keeps a byte-order mark (by default the decoder drops it silently); it is refused below.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Line of the file the next chunk starts on, to name the row of a bad byte. */
  let line = 1;
  let bytes = 0;
  let head = Buffer.alloc(0);
  const refuse = (message: string, row: number, reason: string, field = 'row') =>
    options.toError({ message, details: [{ row, field, reason }], tooLarge: false });
  return new Transform({
    // Strings out, as they are: a byte stream would turn them back into Buffers.
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      options.onBytes?.(chunk.length);
      if (bytes > options.maxBytes)
        return callback(
          options.toError({
            message: CSV_TEXT_MESSAGES.tooLarge(options.maxBytes),
            details: [],
            tooLarge: true,
          }),
        );
      if (head.length < BOM.length) {
        head = Buffer.concat([head, chunk.subarray(0, BOM.length - head.length)]);
        if (head.length === BOM.length && head.equals(BOM))
          return callback(
            refuse(CSV_TEXT_MESSAGES.bom, 1, 'starts with a UTF-8 byte-order mark (BOM)', 'header'),
          );
      }
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        const row = line + lineEnds(chunk, nul);
        return callback(refuse(CSV_TEXT_MESSAGES.binary(row), row, 'binary data (NUL byte)'));
      }
      const cr = chunk.indexOf(CR);
      if (cr !== -1) {
        const row = line + lineEnds(chunk, cr);
        return callback(
          cr + 1 >= chunk.length || chunk[cr + 1] === LF
            ? refuse(CSV_TEXT_MESSAGES.crlf(row), row, 'ends with CR LF (Windows line ends), expected LF')
            : refuse(CSV_TEXT_MESSAGES.cr(row), row, 'carriage return (CR) inside the line'),
        );
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const row = line + lineEnds(chunk, firstInvalidByte(chunk));
        return callback(refuse(CSV_TEXT_MESSAGES.notUtf8(row), row, 'not UTF-8'));
      }
      line += lineEnds(chunk);
      callback(null, text);
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(refuse(CSV_TEXT_MESSAGES.truncated(line), line, 'ends inside a character'));
      }
    },
  });
}

/** A whole small upload (accounts) through the same reader, as one string. */
export async function readCsvText(input: NodeJS.ReadableStream, options: CsvTextOptions): Promise<string> {
  const reader = csvText(options);
  input.pipe(reader);
  input.once('error', (error) => reader.destroy(error as Error));
  let text = '';
  try {
    for await (const chunk of reader as AsyncIterable<string>) text += chunk;
  } finally {
    input.unpipe(reader);
  }
  return text;
}
