import { Readable } from 'node:stream';

import { CoreStaffFileError, type CoreStaffRowReader } from '../scenarios/core-staff-csv';
import { readCoreStaffCsv } from '../scenarios/core-staff-upload';
import { CSV_TEXT_MESSAGES, readCsvText, type CsvTextProblem } from './csv-text';

class Refused extends Error {
  constructor(readonly problem: CsvTextProblem) {
    super(problem.message);
  }
}

const read = (bytes: Buffer | string, maxBytes = 1024) =>
  readCsvText(Readable.from([Buffer.from(bytes)]), { maxBytes, toError: (problem) => new Refused(problem) });

describe('csvText: the one reader of CSV uploads', () => {
  it('passes UTF-8 text with LF line ends through, whatever the chunking', async () => {
    await expect(read('name,email\nÅsa,å@example.com\n')).resolves.toBe('name,email\nÅsa,å@example.com\n');
    const split = Buffer.from('a,b\nÅ\n');
    // The two bytes of Å (C3 85) land in different chunks.
    const chunks = [split.subarray(0, 5), split.subarray(5)];
    await expect(
      readCsvText(Readable.from(chunks), { maxBytes: 99, toError: (p) => new Refused(p) }),
    ).resolves.toBe('a,b\nÅ\n');
  });

  it.each([
    ['a byte-order mark', '\ufeffa,b\n1,2\n', CSV_TEXT_MESSAGES.bom],
    ['CR LF line ends', 'a,b\n1,2\r\n', CSV_TEXT_MESSAGES.crlf(2)],
    ['a lone CR', 'a,b\r1,2\n', CSV_TEXT_MESSAGES.cr(1)],
    ['a NUL byte', 'a,b\n\n1\u0000', CSV_TEXT_MESSAGES.binary(3)],
    ['Latin-1 bytes', Buffer.from('a,b\nJos\xe9\n', 'latin1'), CSV_TEXT_MESSAGES.notUtf8(2)],
    ['a truncated character', Buffer.from([0x61, 0x0a, 0xc3]), CSV_TEXT_MESSAGES.truncated(2)],
  ])('refuses %s with its one message', async (_label, bytes, message) => {
    await expect(read(bytes)).rejects.toThrow(message);
  });

  it('refuses a file over the limit as too large', async () => {
    await expect(read('x'.repeat(2000))).rejects.toMatchObject({ problem: { tooLarge: true } });
  });

  it('is the reader of the core-staff upload too: same rule, same message', async () => {
    const reader = (() => ({ read: () => [] })) as unknown as (header: string[]) => CoreStaffRowReader;
    const refusal = readCoreStaffCsv(Readable.from([Buffer.from('\ufeffqueue,start,agents\n')]), reader);
    await expect(refusal).rejects.toThrow(CoreStaffFileError);
    await expect(
      readCoreStaffCsv(
        Readable.from([Buffer.from('queue,start,agents\r\nphone,2026-02-13T09:00:00+01:00,3\r\n')]),
        reader,
      ),
    ).rejects.toThrow(CSV_TEXT_MESSAGES.crlf(1));
  });
});
