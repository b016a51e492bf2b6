import { parse } from 'csv-parse/sync';

import type { Role } from '@peakplan/contracts';

import { EVERY_ROLE } from '../auth/access.decorators';

export interface AccountCsvRow {
  /** Line in the file (the header is line 1). */
  row: number;
  name: string;
  email: string;
  department: string | null;
  roles: Role[];
}

export interface CsvProblem {
  row: number;
  field?: string;
  reason: string;
}

const REQUIRED_COLUMNS = ['name', 'email', 'department', 'roles'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads `name,email,department,roles` (header required, any column order; `role` accepted for `roles`;
 * several roles separated by `;`, `|` or spaces). Returns every problem with its line, not just the
 * first, so that a person can fix the file in one go.
 */
export function parseAccountsCsv(text: string): { rows: AccountCsvRow[]; problems: CsvProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ row: line, reason: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  if (records.length === 0) return { rows: [], problems: [{ row: 1, reason: 'the file is empty' }] };
  const header = records[0].record.map((cell) => cell.toLowerCase().replace(/^role$/, 'roles'));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          row: 1,
          reason: `the header must name the columns name,email,department,roles; missing: ${missing.join(', ')}`,
        },
      ],
    };
  }
  const column = (record: string[], name: (typeof REQUIRED_COLUMNS)[number]) =>
    record[header.indexOf(name)] ?? '';
  const rows: AccountCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    const name = column(record, 'name');
    const email = column(record, 'email').toLowerCase();
    const department = column(record, 'department') || null;
    const roleNames = column(record, 'roles')
      .split(/[;|\s]+/)
      .map((role) => role.trim().toLowerCase())
      .filter(Boolean);
    const before = problems.length;
    if (!name) problems.push({ row, field: 'name', reason: 'is empty' });
    else if (name.length > 200)
      problems.push({ row, field: 'name', reason: 'is longer than 200 characters' });
    if (!EMAIL.test(email) || email.length > 320)
      problems.push({ row, field: 'email', reason: `"${email}" is not an email address` });
    else if (seen.has(email))
      problems.push({ row, field: 'email', reason: `${email} is already on row ${seen.get(email)}` });
    if (department && department.length > 200)
      problems.push({ row, field: 'department', reason: 'is longer than 200 characters' });
    if (roleNames.length === 0)
      problems.push({ row, field: 'roles', reason: `is empty; use one or more of ${EVERY_ROLE.join(', ')}` });
    for (const role of roleNames) {
      if (!EVERY_ROLE.includes(role as Role)) {
        problems.push({
          row,
          field: 'roles',
          reason: `"${role}" is not a role; use ${EVERY_ROLE.join(', ')}`,
        });
      }
    }
    if (EMAIL.test(email) && !seen.has(email)) seen.set(email, row);
    if (problems.length === before) {
      rows.push({ row, name, email, department, roles: [...new Set(roleNames as Role[])].sort() });
    }
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: 1, reason: 'the file has a header but no accounts' });
  return { rows, problems };
}
