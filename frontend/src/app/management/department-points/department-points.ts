/* The line above a department's points table. Pure, so it is tested without Angular. */
import type { MemberPointsDto } from '@peakplan/contracts';

import { formatNumber } from '../../core/format/organisation-format';

/** How many members earned points and how many in all, e.g. `3 members earned 1.240 points`. */
export function departmentPointsSummary(rows: readonly MemberPointsDto[]): string {
  const earning = rows.filter((row) => row.year > 0);
  const total = earning.reduce((sum, row) => sum + row.year, 0);
  const members = earning.length === 1 ? '1 member' : `${earning.length} members`;
  return `${members} earned ${formatNumber(total)} points.`;
}
