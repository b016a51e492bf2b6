import type { PlanRosterDto } from '@peakplan/contracts';

const COLUMNS = ['date', 'start', 'end', 'starts_at', 'ends_at', 'queue', 'member', 'email', 'department'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A field
 * that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The roster as CSV: a header, then one line per place (member empty where the place is open). Dates
 * and clock times are local in the organisation's zone; `starts_at`/`ends_at` carry its offset.
 */
export function planRosterCsv(roster: PlanRosterDto): string {
  const lines = roster.lines.map((line) =>
    [
      line.date,
      line.start,
      line.end,
      line.startsAt,
      line.endsAt,
      line.queue,
      line.member,
      line.email,
      line.department,
    ]
      .map(csvField)
      .join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
