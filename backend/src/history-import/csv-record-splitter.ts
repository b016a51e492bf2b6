/* Splits streamed CSV text (RFC 4180: comma-separated, `"` quotes fields, `""` is a quote inside one)
 * into records, chunk by chunk. Written for the history import instead of a general CSV parser: a
 * million-row file went through csv-parse in ~7 s, this takes a few hundred ms, because a line
 * without quotes (nearly every line of contact history) is a single `split(',')`.
 * It refuses what the import refuses anyway at the level of the file: a byte-order mark, CR LF or CR
 * line ends, a record longer than the limit (a 10 MB "line" is not contact history) and a quote left
 * open at the end of the file. */

import { ImportFileError } from './history-csv-row';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Called for every non-empty record; `row` is its first line in the file (1 = the header). */
export type CsvRecordHandler = (fields: string[], row: number) => void;

export class CsvRecordSplitter {
  /** Text of an unfinished record carried over to the next chunk. */
  private pending = '';
  /** Line number of the first line in `pending` (or of the next record when `pending` is empty). */
  private line = 1;
  private started = false;

  constructor(private readonly maxRecordChars: number) {}

  /** Feeds one chunk of text; calls `onRecord` for each record that the chunk completes. */
  write(chunk: string, onRecord: CsvRecordHandler): void {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff)
        throw new ImportFileError(
          "row 1: the file starts with a UTF-8 byte-order mark (BOM); save it as CSV in UTF-8 without BOM (in Excel: 'CSV (Comma delimited)', or remove the BOM in a text editor) and import again",
          [{ row: 1, field: 'header', reason: 'starts with a UTF-8 byte-order mark (BOM)' }],
        );
    }
    let position = 0;
    // Most chunks hold no quote and no CR at all: split them by line ends in one go.
    if (text.indexOf('"') === -1 && text.indexOf('\r') === -1) {
      const lines = text.split('\n');
      const complete = lines.length - 1;
      for (let index = 0; index < complete; index++) {
        const lineText = lines[index];
        if (lineText.length > this.maxRecordChars) throw this.tooLong(this.line);
        if (lineText.length > 0) onRecord(lineText.split(','), this.line);
        this.line++;
      }
      position = text.length - lines[complete].length;
    }
    for (;;) {
      const end = text.indexOf('\n', position);
      if (end === -1) break;
      const lineText = text.slice(position, end);
      if (lineText.indexOf('"') === -1) {
        if (lineText.length > this.maxRecordChars) throw this.tooLong(this.line);
        this.checkNoCarriageReturn(lineText, this.line);
        if (lineText.length > 0) onRecord(lineText.split(','), this.line);
        this.line++;
        position = end + 1;
        continue;
      }
      // A line with quotes: a field may hold commas, quotes or line ends, so read it field by field.
      const quoted = this.readQuotedRecord(text, position);
      if (quoted === null) break;
      onRecord(quoted.fields, this.line);
      this.line += quoted.lines;
      position = quoted.next;
    }
    this.pending = position === 0 ? text : text.slice(position);
    text = '';
    if (this.pending.length > this.maxRecordChars) throw this.tooLong(this.line);
  }

  /** The end of the text: a last record without a line end is still a record. */
  end(onRecord: CsvRecordHandler): void {
    if (this.pending.length === 0) return;
    // Finish the last record as if the file ended with a line end, then check nothing was left open.
    const last = this.pending;
    this.pending = '';
    const row = this.line;
    this.write(`${last}\n`, onRecord);
    if (this.pending.length > 0)
      throw new ImportFileError(
        `row ${row}: a quoted field is not closed before the end of the file (a " is missing)`,
        [{ row, field: 'row', reason: 'quoted field not closed before the end of the file' }],
      );
  }

  /** Reads one record that starts at `start` and has quotes; null when the text ends inside it. */
  private readQuotedRecord(
    text: string,
    start: number,
  ): { fields: string[]; next: number; lines: number } | null {
    const fields: string[] = [];
    let position = start;
    let lines = 1;
    for (;;) {
      if (position - start > this.maxRecordChars) throw this.tooLong(this.line);
      let value: string;
      if (text.charCodeAt(position) === QUOTE) {
        let parts = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) return null;
          if (close + 1 >= text.length) return null; // is it `""` or the end of the field? the next chunk says
          parts += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          position = close + 1;
          break;
        }
        for (let index = 0; index < parts.length; index++) if (parts.charCodeAt(index) === LF) lines++;
        value = parts;
        const after = text.charCodeAt(position);
        if (after !== COMMA && after !== LF) {
          const row = this.line + lines - 1;
          if (after === CR) this.checkNoCarriageReturn('\r', row);
          throw new ImportFileError(
            `row ${row}: not valid CSV: a character follows the closing quote of field ${fields.length + 1}; a quote inside a quoted field is written ""`,
            [{ row, field: 'row', reason: 'character after a closing quote' }],
          );
        }
      } else {
        let stop = position;
        for (;;) {
          const code = text.charCodeAt(stop);
          if (Number.isNaN(code)) return null;
          if (code === COMMA || code === LF) break;
          stop++;
        }
        value = text.slice(position, stop);
        this.checkNoCarriageReturn(value, this.line + lines - 1);
        position = stop;
      }
      fields.push(value);
      if (text.charCodeAt(position) === LF) return { fields, next: position + 1, lines };
      position++; // past the comma
    }
  }

  private checkNoCarriageReturn(lineText: string, row: number): void {
    const cr = lineText.indexOf('\r');
    if (cr === -1) return;
    if (cr === lineText.length - 1)
      throw new ImportFileError(
        `row ${row}: the line ends with CR LF (Windows line ends); save the CSV with LF line ends (Unix/macOS), e.g. with dos2unix or your editor's line-ending setting, and import again`,
        [{ row, field: 'row', reason: 'ends with CR LF (Windows line ends), expected LF' }],
      );
    throw new ImportFileError(
      `row ${row}: the line holds a carriage return (CR) before its end; save the CSV with LF line ends and import again`,
      [{ row, field: 'row', reason: 'carriage return (CR) inside the line' }],
    );
  }

  private tooLong(row: number): ImportFileError {
    return new ImportFileError(
      `row ${row}: a record is longer than ${Math.round(this.maxRecordChars / 1024)} KB; is this a CSV file with line ends?`,
      [{ row, field: 'row', reason: 'record too long' }],
    );
  }
}
