/* The upload as UTF-8 text, refusing binary data, and counting bytes for the progress. */
import { Transform } from 'node:stream';

import type { HistoryImportProgress } from '@peakplan/contracts';

import { ImportFileError } from './history-csv-row';

export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
const LF = 0x0a;

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

export function utf8Text(progress: HistoryImportProgress): Transform {
  // ignoreBOM keeps a byte-order mark in the text (by default the decoder drops it silently), so that
  // the record splitter can refuse it with a message saying so.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Line of the file the next chunk starts on, to name the row of a bad byte. */
  let line = 1;
  const refuse = (row: number, message: string, reason: string) =>
    new ImportFileError(`row ${row}: ${message}`, [{ row, field: 'row', reason }]);
  return new Transform({
    // Strings out, as they are: a byte stream would turn them back into Buffers.
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      progress.bytesRead += chunk.length;
      if (progress.bytesRead > MAX_FILE_BYTES)
        return callback(new ImportFileError(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
      const nul = chunk.indexOf(0);
      if (nul !== -1)
        return callback(
          refuse(
            line + lineEnds(chunk, nul),
            'the file holds binary data (a NUL byte), not CSV text: export the history as UTF-8 CSV',
            'binary data (NUL byte)',
          ),
        );
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return callback(
          refuse(
            line + lineEnds(chunk, firstInvalidByte(chunk)),
            'the file is not UTF-8 text (a byte that is not UTF-8, e.g. Latin-1 or Windows-1252): export the history as UTF-8 CSV',
            'not UTF-8',
          ),
        );
      }
      line += lineEnds(chunk);
      callback(null, text);
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(
          refuse(line, 'the file ends inside a UTF-8 character: is it truncated?', 'ends inside a character'),
        );
      }
    },
  });
}
