import { civilFromDays } from '../calendar';
import type { DenseDailySeries } from './daily-history';
import type { EventWindowIndex } from './event-window-index';

/** Days the queue is closed by design, learned from zero-volume days in the history. */
export interface ClosureRules {
  /** closedWeekdays[w] for w = 0 (Sunday) … 6. */
  closedWeekdays: boolean[];
  /** Calendar keys (public holiday, event offset, month-day) seen shut in every recent year. */
  closedKeys: Set<string>;
  /** Day numbers a planner set closed (the queue's closed days, events marked closed). */
  plannerClosed: ReadonlySet<number>;
}

/** Weekday of a day number (0 = Sunday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const keyCache = new WeakMap<EventWindowIndex, Map<number, string[]>>();

/** Calendar keys of a day: `ph:<holiday>`, `ev:<feature>` (event offset owning it), `md:<MM-DD>`. */
export function closureKeys(dayNumber: number, index: EventWindowIndex): string[] {
  let cache = keyCache.get(index);
  if (!cache) keyCache.set(index, (cache = new Map()));
  const cached = cache.get(dayNumber);
  if (cached) return cached;
  const keys = index.holidaysAt(dayNumber).map((name) => `ph:${name}`);
  const feature = index.featureAt(dayNumber);
  if (feature >= 0) keys.push(`ev:${feature}`);
  const { month, day } = civilFromDays(dayNumber);
  keys.push(`md:${month}-${day}`);
  cache.set(dayNumber, keys);
  return keys;
}

/** Longest run of days without data that may be a closure (a shop shut over Christmas), not a data gap. */
const MAX_CLOSURE_GAP_DAYS = 7;

/**
 * Marks days without data inside a short gap (at most {@link MAX_CLOSURE_GAP_DAYS} days, with data on
 * both sides): an export that leaves out the days a queue was shut looks like this.
 */
function shortGapDays(values: Float64Array, end: number): Uint8Array {
  const marks = new Uint8Array(values.length);
  for (let i = 0; i < end; i++) {
    if (!Number.isNaN(values[i])) continue;
    let j = i;
    while (j + 1 < end && Number.isNaN(values[j + 1])) j++;
    if (i > 0 && j + 1 < end && j - i + 1 <= MAX_CLOSURE_GAP_DAYS) marks.fill(1, i, j + 1);
    i = j;
  }
  return marks;
}

/**
 * Learns closures from the days before `trainEnd` (a day number, exclusive). A day counts as shut when
 * its volume is zero or it has no data inside a short gap (see {@link shortGapDays}); days a planner set
 * closed (`plannerClosed`) are left out of the learning.
 * - a weekday is closed when at least 6 of its last 8 observed days were shut;
 * - a date rule is closed when it was shut the last two years it was seen: a public holiday (`ph:`), an
 *   event day or offset (`ev:`), a bare calendar date (`md:`, e.g. 26 Dec); so a date shut every year is
 *   closed, while one outage or one lost export day does not close a date for ever. A public holiday or
 *   event day last seen with zero volume (not merely missing) is closed after one year: the day is named,
 *   so a zero there is a decision, not an accident. A rule last seen open stays open.
 */
export function learnClosures(
  series: DenseDailySeries,
  trainEnd: number,
  index: EventWindowIndex,
  plannerClosed: ReadonlySet<number> = new Set(),
): ClosureRules {
  const { startDay, values } = series;
  const end = Math.min(trainEnd - startDay, values.length);
  const last = end - 1;
  const gapDays = shortGapDays(values, end);
  // 0 = open, 1 = zero volume, 2 = no data in a short gap, -1 = unknown (long gap, or set by a planner)
  const stateAt = (i: number): number => {
    if (plannerClosed.has(startDay + i)) return -1;
    if (values[i] === 0) return 1;
    if (gapDays[i]) return 2;
    return Number.isNaN(values[i]) ? -1 : 0;
  };
  const seen = [0, 0, 0, 0, 0, 0, 0];
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  for (let i = last; i >= 0 && Math.min(...seen) < 8; i--) {
    const state = stateAt(i);
    if (state < 0) continue;
    const weekday = weekdayOf(startDay + i);
    if (seen[weekday] >= 8) continue;
    seen[weekday]++;
    if (state > 0) zeros[weekday]++;
  }
  const closedWeekdays = zeros.map(
    (count, weekday) => seen[weekday] >= 3 && count >= Math.min(6, seen[weekday] - 1),
  );
  const history = new Map<string, number[]>();
  // Keys need at most their last two observations, all found within about two years.
  for (let i = last; i >= Math.max(0, last - 800); i--) {
    const state = stateAt(i);
    if (state < 0 || closedWeekdays[weekdayOf(startDay + i)]) continue;
    for (const key of closureKeys(startDay + i, index)) {
      const states = history.get(key);
      if (!states) history.set(key, [state]);
      else if (states.length < 2) states.push(state);
    }
  }
  const closedKeys = new Set<string>();
  for (const [key, states] of history) {
    const lastSeenZero = states[0] === 1 && !key.startsWith('md:');
    if (lastSeenZero || (states.length >= 2 && states[0] > 0 && states[1] > 0)) closedKeys.add(key);
  }
  return { closedWeekdays, closedKeys, plannerClosed };
}

/** True when the rules say the queue is closed on that day. */
export function isClosedDay(rules: ClosureRules, dayNumber: number, index: EventWindowIndex): boolean {
  if (rules.plannerClosed.has(dayNumber)) return true;
  if (rules.closedWeekdays[weekdayOf(dayNumber)]) return true;
  return closureKeys(dayNumber, index).some((key) => rules.closedKeys.has(key));
}
