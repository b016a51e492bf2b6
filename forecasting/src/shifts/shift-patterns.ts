/** Shift templates: lengths, start grid and the break rule. */
export interface ShiftTemplateOptions {
  /** Shift lengths in hours (default [4, 6, 8]). */
  lengthsHours?: number[];
  /** Shifts start every this many minutes (a multiple of the interval; default 15, or the interval if longer). */
  startStepMinutes?: number;
  /** Break length in minutes (a multiple of the interval; default 30, or the next multiple of the interval). */
  breakMinutes?: number;
  /** Shifts of at least this many hours get a break (default 5.5). */
  breakFromHours?: number;
  /** The break starts at least this many minutes after the shift starts (default 120). */
  breakEarliestMinutes?: number;
  /** The break ends at least this many minutes before the shift ends (default 90). */
  breakLatestBeforeEndMinutes?: number;
  /** Whether the break is paid (default false: paid hours = length − break). */
  paidBreaks?: boolean;
}

/** One explicit shift-and-break pattern inside a day, in interval indices of that day. */
export interface ShiftPattern {
  start: number;
  /** Exclusive end index. */
  end: number;
  /** First interval of the break, or -1 when the shift has none. */
  breakStart: number;
  breakEnd: number;
  paidHours: number;
}

/**
 * Every pattern that fits in a day of `intervals` intervals opening at `openingMinuteOfDay`:
 * each length × each allowed start (on the start grid, measured from midnight) × each break
 * position inside the break window. These are the columns of the set-covering model
 * (Dantzig 1954, "A comment on Edie's traffic delays at toll booths").
 *
 * @example
 * shiftPatterns(32, 15, 480, { lengthsHours: [8] }).length; // 17 (one start × 17 break positions)
 */
export function shiftPatterns(
  intervals: number,
  intervalMinutes: number,
  openingMinuteOfDay: number,
  options: ShiftTemplateOptions = {},
): ShiftPattern[] {
  const lengths = options.lengthsHours ?? [4, 6, 8];
  // Defaults round up to the interval: 15-minute starts and 30-minute breaks, or the next multiple.
  const startStep = options.startStepMinutes ?? Math.ceil(15 / intervalMinutes) * intervalMinutes;
  const breakMinutes = options.breakMinutes ?? Math.ceil(30 / intervalMinutes) * intervalMinutes;
  const breakFrom = options.breakFromHours ?? 5.5;
  const earliest = options.breakEarliestMinutes ?? 120;
  const latestBeforeEnd = options.breakLatestBeforeEndMinutes ?? 90;
  for (const hours of lengths) {
    if (!(hours > 0) || (hours * 60) % intervalMinutes !== 0) {
      throw new RangeError(
        `lengthsHours must be positive multiples of the ${intervalMinutes}-minute interval, got ${hours}`,
      );
    }
  }
  if (!(startStep > 0) || startStep % intervalMinutes !== 0) {
    throw new RangeError(
      `startStepMinutes must be a multiple of the ${intervalMinutes}-minute interval, got ${startStep}`,
    );
  }
  const anyBreak = lengths.some((hours) => hours >= breakFrom);
  if (!(breakMinutes >= 0) || (anyBreak && breakMinutes % intervalMinutes !== 0)) {
    throw new RangeError(
      `breakMinutes must be a multiple of the ${intervalMinutes}-minute interval, got ${breakMinutes}`,
    );
  }
  const breakLength = breakMinutes / intervalMinutes;
  const patterns: ShiftPattern[] = [];
  for (const hours of lengths) {
    const length = (hours * 60) / intervalMinutes;
    const withBreak = breakLength > 0 && hours >= breakFrom;
    const paidHours = hours - (withBreak && !options.paidBreaks ? breakMinutes / 60 : 0);
    for (let start = 0; start + length <= intervals; start++) {
      if ((openingMinuteOfDay + start * intervalMinutes) % startStep !== 0) continue;
      const end = start + length;
      if (!withBreak) {
        patterns.push({ start, end, breakStart: -1, breakEnd: -1, paidHours });
        continue;
      }
      const first = start + Math.ceil(earliest / intervalMinutes);
      const last = end - Math.ceil(latestBeforeEnd / intervalMinutes) - breakLength;
      for (let breakStart = first; breakStart <= last; breakStart++) {
        patterns.push({ start, end, breakStart, breakEnd: breakStart + breakLength, paidHours });
      }
    }
  }
  return patterns;
}
