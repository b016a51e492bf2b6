import type { DraftShiftDto, PlanCoverageIntervalDto } from '@peakplan/contracts';

/**
 * Maps a staffing plan's draft shifts and its pool gap per interval to a timeline per day: the gap as
 * columns, the shifts as bars in lanes that never overlap. Positions are percentages of the day's
 * span, which runs from the hour before the first interval or shift to the hour after the last. Times
 * are read from the instants as written (in the organisation's zone, with its offset), so the page
 * never converts zones. Pure, so its spec runs under plain jest.
 */

export interface TimelineGapColumn {
  start: string; // HH:mm
  gap: number;
  leftPct: number;
  widthPct: number;
  heightPct: number;
}

export interface TimelineShiftBar {
  id: string;
  label: string; // 09:00–13:00
  places: number;
  leftPct: number;
  widthPct: number;
  lane: number;
  /** The break inside the bar, as percentages of the bar's own width; null when none. */
  breakBar: { leftPct: number; widthPct: number } | null;
}

export interface TimelineDay {
  date: string;
  /** Whole hours shown on the axis, as minutes since the day's local midnight. */
  ticks: { minute: number; label: string; leftPct: number }[];
  gap: TimelineGapColumn[];
  maxGap: number;
  shifts: TimelineShiftBar[];
  lanes: number;
  places: number;
  gapHours: number;
}

const DAY = 1440;

/** Local date and minutes since that date's midnight, from an ISO instant written in the zone. */
function localParts(iso: string): { date: string; minute: number } {
  return { date: iso.slice(0, 10), minute: Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) };
}

function minuteOn(day: string, iso: string): number {
  const parts = localParts(iso);
  // A shift that ends after midnight ends on the next date: count on past 24:00 (dates differ by one).
  return parts.date === day ? parts.minute : parts.date > day ? parts.minute + DAY : parts.minute - DAY;
}

function clock(minute: number): string {
  const wrapped = ((minute % DAY) + DAY) % DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** The interval length: the smallest step between two gap intervals of a day, 15 minutes if unknown. */
export function intervalMinutesOf(intervals: readonly { start: string }[]): number {
  const minutes = [...new Set(intervals.map((interval) => localParts(interval.start).minute))].sort(
    (a, b) => a - b,
  );
  let step = Infinity;
  for (let index = 1; index < minutes.length; index++)
    step = Math.min(step, minutes[index] - minutes[index - 1]);
  return Number.isFinite(step) && step > 0 ? step : 15;
}

export function toShiftTimeline(
  shifts: readonly DraftShiftDto[],
  intervals: readonly PlanCoverageIntervalDto[],
  queue: string,
): TimelineDay[] {
  const ownShifts = shifts.filter((shift) => shift.queue === queue);
  const ownIntervals = intervals.filter((interval) => interval.queue === queue && interval.poolGap > 0);
  const intervalMinutes = intervalMinutesOf(ownIntervals);
  const dates = [
    ...new Set([
      ...ownShifts.map((shift) => shift.start.slice(0, 10)),
      ...ownIntervals.map((interval) => interval.start.slice(0, 10)),
    ]),
  ].sort();
  return dates.map((date) => {
    const dayShifts = ownShifts
      .filter((shift) => shift.start.slice(0, 10) === date)
      .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
    const dayGap = ownIntervals.filter((interval) => interval.start.slice(0, 10) === date);
    const starts = [
      ...dayShifts.map((shift) => minuteOn(date, shift.start)),
      ...dayGap.map((interval) => minuteOn(date, interval.start)),
    ];
    const ends = [
      ...dayShifts.map((shift) => minuteOn(date, shift.end)),
      ...dayGap.map((interval) => minuteOn(date, interval.start) + intervalMinutes),
    ];
    const from = Math.max(0, Math.floor(Math.min(...starts) / 60) * 60 - 60);
    const to = Math.min(2 * DAY, Math.ceil(Math.max(...ends) / 60) * 60 + 60);
    const span = to - from;
    const pct = (minute: number) => ((minute - from) / span) * 100;
    const maxGap = Math.max(0, ...dayGap.map((interval) => interval.poolGap));
    const laneEnds: number[] = [];
    const bars = dayShifts.map((shift): TimelineShiftBar => {
      const start = minuteOn(date, shift.start);
      const end = minuteOn(date, shift.end);
      // First lane free at the shift's start (greedy interval colouring: as few lanes as overlaps need).
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
      if (lane === -1) lane = laneEnds.push(end) - 1;
      else laneEnds[lane] = end;
      const breakBar =
        shift.breakStart && shift.breakEnd
          ? {
              leftPct: ((minuteOn(date, shift.breakStart) - start) / (end - start)) * 100,
              widthPct:
                ((minuteOn(date, shift.breakEnd) - minuteOn(date, shift.breakStart)) / (end - start)) * 100,
            }
          : null;
      return {
        id: shift.id,
        label: `${clock(start)}–${clock(end)}`,
        places: shift.count,
        leftPct: pct(start),
        widthPct: ((end - start) / span) * 100,
        lane,
        breakBar,
      };
    });
    const ticks = [];
    const step = span > 16 * 60 ? 120 : 60;
    for (let minute = from; minute <= to; minute += step)
      ticks.push({ minute, label: clock(minute), leftPct: pct(minute) });
    return {
      date,
      ticks,
      gap: dayGap.map((interval) => {
        const start = minuteOn(date, interval.start);
        return {
          start: clock(start),
          gap: interval.poolGap,
          leftPct: pct(start),
          widthPct: (intervalMinutes / span) * 100,
          heightPct: maxGap === 0 ? 0 : (interval.poolGap / maxGap) * 100,
        };
      }),
      maxGap,
      shifts: bars,
      lanes: laneEnds.length,
      places: dayShifts.reduce((sum, shift) => sum + shift.count, 0),
      gapHours: (dayGap.reduce((sum, interval) => sum + interval.poolGap, 0) * intervalMinutes) / 60,
    };
  });
}
