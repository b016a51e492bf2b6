import { DateTime } from 'luxon';

import type { PointsWeights } from '@peakplan/contracts';

/** The weights until an admin sets their own (docs/numbers.md explains each). */
export const DEFAULT_WEIGHTS: PointsWeights = {
  pointsPerHour: 10,
  critical: 1,
  evening: 0.5,
  weekend: 0.5,
  eventDay: 1,
  trainingCurrent: 5,
  reliable: 5,
  ratingPerStar: 2,
  continuity: 50,
};

/** Evening and night hours: from 18:00 until 06:00 local. */
const EVENING_FROM_HOUR = 18;
const NIGHT_UNTIL_HOUR = 6;
/** Hardness is measured in steps of five minutes of the shift's clock time. */
const STEP_MINUTES = 5;

/** What a marked shift's points are computed from, kept with its lines so a weights preview can recompute. */
export interface ShiftBasis {
  worked: boolean;
  paidHours: number;
  /** 0–1: how much of the shift's places the plan's gap needed (see {@link criticality}). */
  criticality: number;
  /** 0–1 shares of the shift's clock time in the evening or night, on a weekend, on an event day. */
  eveningShare: number;
  weekendShare: number;
  eventDayShare: number;
  trainingCurrent: boolean;
  /** No no-show and no late withdrawal in the same peak before this shift. */
  reliable: boolean;
  rating: number | null;
}

export interface ShiftPoints {
  shift: number;
  quality: number;
  criticalFactor: number;
  hardnessFactor: number;
}

/**
 * Points of one marked shift.
 * shift   = round(pointsPerHour × paidHours × (1 + critical × c) × (1 + evening × e + weekend × w + eventDay × v))
 * quality = trainingCurrent [if current] + reliable [if reliable] + ratingPerStar × rating
 * A no-show earns neither.
 *
 * @example shiftPoints({ worked: true, paidHours: 4, criticality: 0.5, eveningShare: 1, weekendShare: 0,
 *   eventDayShare: 0, trainingCurrent: true, reliable: true, rating: null }, DEFAULT_WEIGHTS)
 * // → shift 10 × 4 × 1.5 × 1.5 = 90, quality 5 + 5 = 10
 */
export function shiftPoints(basis: ShiftBasis, weights: PointsWeights): ShiftPoints {
  const criticalFactor = 1 + weights.critical * basis.criticality;
  const hardnessFactor =
    1 +
    weights.evening * basis.eveningShare +
    weights.weekend * basis.weekendShare +
    weights.eventDay * basis.eventDayShare;
  if (!basis.worked) return { shift: 0, quality: 0, criticalFactor, hardnessFactor };
  const shift = Math.round(weights.pointsPerHour * basis.paidHours * criticalFactor * hardnessFactor);
  const quality = Math.round(
    (basis.trainingCurrent ? weights.trainingCurrent : 0) +
      (basis.reliable ? weights.reliable : 0) +
      weights.ratingPerStar * (basis.rating ?? 0),
  );
  return { shift, quality, criticalFactor, hardnessFactor };
}

/**
 * How critical a shift was: over the plan intervals it covers, the mean share of the published places
 * that the plan's pool gap asked for, min(1, gap / published). A shift with no plan intervals (made by
 * hand, or its plan gone) counts as fully needed: a planner made the place for a need the plan does not show.
 *
 * @example criticality([{ poolGap: 2, published: 4 }, { poolGap: 6, published: 4 }]) // → (0.5 + 1) / 2 = 0.75
 */
export function criticality(intervals: readonly { poolGap: number; published: number }[]): number {
  if (intervals.length === 0) return 1;
  const shares = intervals.map((interval) =>
    interval.published <= 0 ? 1 : Math.min(1, Math.max(0, interval.poolGap) / interval.published),
  );
  return shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

/**
 * {@link criticality} of one shift from its plan's coverage: the intervals of the shift's skill (queue)
 * that start within the shift, as the plan's coverage counts a shift's places.
 *
 * @example shiftCriticality([{ queue: 'phone', start: '2026-12-24T16:00:00+01:00', poolGap: 1, published: 2 }],
 *   { skill: 'phone', startsAt: Date.parse('2026-12-24T15:00:00Z'), endsAt: Date.parse('2026-12-24T19:00:00Z') })
 * // → 0.5
 */
export function shiftCriticality(
  intervals: readonly { queue: string; start: string; poolGap: number; published: number }[],
  shift: { skill: string; startsAt: number; endsAt: number },
): number {
  return criticality(
    intervals.filter((interval) => {
      const at = Date.parse(interval.start);
      return interval.queue === shift.skill && shift.startsAt <= at && at < shift.endsAt;
    }),
  );
}

/**
 * Shares of a shift's clock time (start to end, breaks included) in the evening or night (18:00–06:00
 * local), on a Saturday or Sunday, and on an event day, measured in five-minute steps in the zone.
 *
 * @example hardnessShares(Date.parse('2026-12-24T15:00:00Z'), Date.parse('2026-12-24T19:00:00Z'),
 *   'Europe/Amsterdam', new Set(['2026-12-24']))
 * // → 16:00–20:00 local on a Thursday that is an event day: evening 0.5, weekend 0, event day 1
 */
export function hardnessShares(
  startsAt: number,
  endsAt: number,
  timeZone: string,
  eventDates: ReadonlySet<string>,
): { eveningShare: number; weekendShare: number; eventDayShare: number } {
  if (!(endsAt > startsAt)) throw new RangeError('hardnessShares: endsAt must be after startsAt');
  let steps = 0;
  let evening = 0;
  let weekend = 0;
  let eventDay = 0;
  for (let at = startsAt; at < endsAt; at += STEP_MINUTES * 60_000) {
    const local = DateTime.fromMillis(at, { zone: timeZone });
    steps++;
    if (local.hour >= EVENING_FROM_HOUR || local.hour < NIGHT_UNTIL_HOUR) evening++;
    if (local.weekday >= 6) weekend++;
    if (eventDates.has(local.toISODate()!)) eventDay++;
  }
  return { eveningShare: evening / steps, weekendShare: weekend / steps, eventDayShare: eventDay / steps };
}

/** The factor to two decimals, as the reasons write it. */
export function factorText(factor: number): string {
  return factor.toFixed(2);
}
