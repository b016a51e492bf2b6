import { IntervalTime, parseIntervalTime } from './interval-time';

/** One interval of the pool's gap: how many agents are still needed from `start` on. */
export interface RequirementInterval {
  /** Interval start, `YYYY-MM-DDTHH:MM` with an optional `Z`/`±HH:MM` offset. */
  start: string;
  /** Agents needed (may be fractional; below zero counts as zero: core staff covers it). */
  required: number;
}

/** A checked requirement: equal steps, no gaps or overlaps, cut into days. */
export interface RequirementSeries {
  intervalMinutes: number;
  times: IntervalTime[];
  required: Float64Array;
  /** Half-open index ranges [from, to) of each local calendar day. */
  days: { date: string; from: number; to: number }[];
}

/**
 * Validates a requirement per interval: every start parses, steps are all equal (the first step
 * sets the interval length unless `intervalMinutes` is given), no overlaps, and no gaps inside a
 * day (a later day may start after a pause: the file's intervals are the opening hours).
 *
 * @example
 * readRequirement([{ start: '2026-02-14T09:00', required: 2 }, { start: '2026-02-14T09:15', required: 3 }])
 *   .intervalMinutes; // 15
 */
export function readRequirement(
  requirement: readonly RequirementInterval[],
  intervalMinutes?: number,
): RequirementSeries {
  if (!Array.isArray(requirement)) throw new TypeError('requirement must be an array of { start, required }');
  if (requirement.length === 0) throw new RangeError('requirement must have at least one interval');
  const times = requirement.map((row, i) => parseIntervalTime(row?.start, `requirement[${i}].start`));
  const required = new Float64Array(requirement.length);
  requirement.forEach((row, i) => {
    if (typeof row.required !== 'number' || !Number.isFinite(row.required)) {
      throw new RangeError(`requirement[${i}].required must be a finite number, got ${String(row.required)}`);
    }
    required[i] = Math.max(0, row.required);
  });
  const step = intervalMinutes ?? (times.length > 1 ? times[1].minutes - times[0].minutes : 15);
  if (!(step > 0) || !Number.isInteger(step)) {
    throw new RangeError(
      `requirement[1].start must come a whole number of minutes after requirement[0].start`,
    );
  }
  const days: RequirementSeries['days'] = [];
  for (let i = 0; i < times.length; i++) {
    if (i > 0) {
      const gap = times[i].minutes - times[i - 1].minutes;
      // Days may open later than the previous day closed (opening hours); inside a day, no gaps.
      if (gap > step && times[i].date === times[i - 1].date) {
        throw new RangeError(`requirement has a gap before requirement[${i}].start ${requirement[i].start}`);
      }
      if (gap < step) {
        throw new RangeError(
          `requirement overlaps or is out of order at requirement[${i}].start ${requirement[i].start}`,
        );
      }
    }
    const last = days[days.length - 1];
    if (last && last.date === times[i].date) last.to = i + 1;
    else days.push({ date: times[i].date, from: i, to: i + 1 });
  }
  return { intervalMinutes: step, times, required, days };
}
