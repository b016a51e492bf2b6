import { CsvRecordSplitter } from './csv-record-splitter';
import { ImportFileError } from './history-csv-row';

/** Splits `text` fed in pieces of `size` characters (chunk borders anywhere, as a socket delivers). */
function split(text: string, size = text.length): [string[], number][] {
  const records: [string[], number][] = [];
  const splitter = new CsvRecordSplitter(1000);
  const onRecord = (fields: string[], row: number) => records.push([fields, row]);
  for (let at = 0; at < text.length; at += size) splitter.write(text.slice(at, at + size), onRecord);
  splitter.end(onRecord);
  return records;
}

function refusal(text: string): ImportFileError {
  try {
    split(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('CsvRecordSplitter', () => {
  // RFC 4180 section 2: quoted fields may hold commas, line breaks and doubled quotes
  const file = 'a,b,c\n1,"x, y",3\n\n2,"say ""hi""","two\nlines"\n3,,last';
  const expected: [string[], number][] = [
    [['a', 'b', 'c'], 1],
    [['1', 'x, y', '3'], 2],
    [['2', 'say "hi"', 'two\nlines'], 4],
    [['3', '', 'last'], 6],
  ];

  it('reads quoted fields, skips empty lines and numbers rows by their first line', () => {
    expect(split(file)).toEqual(expected);
  });

  it('gives the same records whatever the chunk borders', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(split(file, size)).toEqual(expected);
  });

  it('refuses a byte-order mark, CR LF, a lone CR, an open quote and an over-long record', () => {
    expect(refusal('\ufeffa,b\n1,2\n').details).toEqual([
      { row: 1, field: 'header', reason: 'starts with a UTF-8 byte-order mark (BOM)' },
    ]);
    expect(refusal('a,b\n1,2\r\n').message).toMatch(/^row 2: the line ends with CR LF/);
    expect(refusal('a,b\n1,"2"\r\n').message).toMatch(/^row 2: the line ends with CR LF/);
    expect(refusal('a,b\r1,2\n').message).toMatch(/^row 1: the line holds a carriage return/);
    expect(refusal('a,b\n1,"2\n').message).toMatch(/^row 2: a quoted field is not closed/);
    expect(refusal(`a,b\n${'9'.repeat(1500)}`).message).toMatch(/^row 2: a record is longer than/);
    expect(refusal('a,b\n1,"2"x\n').message).toMatch(/^row 2: not valid CSV/);
  });
});
