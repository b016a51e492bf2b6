import type { HistoryImportReport } from '@peakplan/contracts';

import { refusedOutcome, reportSummary, uploadShare } from './import-outcome';

describe('refusedOutcome', () => {
  it('turns a 422 with bad rows into a row / field / reason table', () => {
    const outcome = refusedOutcome(
      422,
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: '2 row(s) are invalid, nothing was imported',
        details: [
          { row: 3, field: 'offered', reason: 'must be a whole number ≥ 0' },
          { row: 4, field: 'handled', reason: 'must be a whole number ≥ 0' },
        ],
      },
      'importing',
    );
    expect(outcome).toEqual({
      kind: 'refused',
      httpStatus: 422,
      message: '2 row(s) are invalid, nothing was imported',
      problems: [
        { row: 3, field: 'offered', reason: 'must be a whole number ≥ 0' },
        { row: 4, field: 'handled', reason: 'must be a whole number ≥ 0' },
      ],
    });
  });

  it('puts a whole-file problem on the header row, and falls back to a sentence without a body', () => {
    expect(
      refusedOutcome(400, { message: 'bad header', details: [{ reason: 'missing offered' }] }, 'x'),
    ).toMatchObject({
      problems: [{ row: 1, field: 'file', reason: 'missing offered' }],
    });
    expect(refusedOutcome(400, 'not json', 'The file was refused.')).toEqual({
      kind: 'refused',
      httpStatus: 400,
      message: 'The file was refused.',
      problems: [],
    });
  });
});

describe('uploadShare', () => {
  it('is the share sent, or null when the size is unknown', () => {
    expect(uploadShare(50, 200)).toBe(0.25);
    expect(uploadShare(300, 200)).toBe(1);
    expect(uploadShare(10, undefined)).toBeNull();
    expect(uploadShare(10, 0)).toBeNull();
  });
});

describe('reportSummary', () => {
  it('says what was written', () => {
    const report = {
      rowsRead: 1200,
      inserted: 1000,
      updated: 150,
      unchanged: 40,
      rejected: 10,
    } as HistoryImportReport;
    expect(reportSummary(report, (value) => String(value))).toBe(
      '1200 rows read, 1000 new, 150 changed, 40 unchanged, 10 skipped as invalid.',
    );
  });
});
