import type { PlanCoverageIntervalDto } from '@peakplan/contracts';

/**
 * Maps a plan's coverage (per queue and interval: pool gap, places published, confirmed) to what the
 * coverage chart and table show for one queue and one day. Pure, so its spec runs under plain jest.
 */

export interface CoverageRow {
  start: string; // the instant, with the organisation's offset
  time: string; // HH:mm, local
  poolGap: number;
  published: number;
  confirmed: number;
  /** Agents the gap still lacks once the confirmed members are counted (never below zero). */
  short: number;
}

export interface CoverageDay {
  rows: CoverageRow[];
  /** Sums over the day's intervals, in agent-intervals. */
  totals: { poolGap: number; published: number; confirmed: number; short: number };
  intervalsShort: number;
  /** Confirmed agent-intervals as a share of the gap's (capped at each interval's gap); null without gap. */
  filledShare: number | null;
}

/** The days (local dates) that have coverage for the queue, in order. */
export function coverageDates(intervals: readonly PlanCoverageIntervalDto[], queue: string): string[] {
  return [
    ...new Set(
      intervals.filter((interval) => interval.queue === queue).map((interval) => interval.start.slice(0, 10)),
    ),
  ].sort();
}

export function coverageDay(
  intervals: readonly PlanCoverageIntervalDto[],
  queue: string,
  date: string,
): CoverageDay {
  const rows = intervals
    .filter((interval) => interval.queue === queue && interval.start.slice(0, 10) === date)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((interval) => ({
      start: interval.start,
      time: interval.start.slice(11, 16),
      poolGap: interval.poolGap,
      published: interval.published,
      confirmed: interval.confirmed,
      short: Math.max(0, interval.poolGap - interval.confirmed),
    }));
  const sum = (pick: (row: CoverageRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const gap = sum((row) => row.poolGap);
  return {
    rows,
    totals: {
      poolGap: gap,
      published: sum((row) => row.published),
      confirmed: sum((row) => row.confirmed),
      short: sum((row) => row.short),
    },
    intervalsShort: rows.filter((row) => row.short > 0).length,
    filledShare: gap === 0 ? null : sum((row) => Math.min(row.confirmed, row.poolGap)) / gap,
  };
}
