import { civilFromDays } from '../calendar';
import type { DenseDailySeries } from './daily-history';
import type { EventWindowIndex } from './event-window-index';

/** Days the queue is closed by design, learned from zero-volume days in the history. */
export interface ClosureRules {
  /** closedWeekdays[w] for w = 0 (Sunday) … 6. */
  closedWeekdays: boolean[];
  /** Calendar keys (public holiday, event offset, month-day) that were closed when last seen. */
  closedKeys: Set<string>;
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

/**
 * Learns closures from the days before `trainEnd` (a day number, exclusive):
 * - a weekday is closed when at least 6 of its last 8 observed days had zero volume;
 * - a public holiday or an event offset is closed when its most recent observation (on an open
 *   weekday) had zero volume; a bare calendar date (e.g. 26 Dec) needs its last two observations zero,
 *   so that one outage does not close that date for ever.
 */
export function learnClosures(
  series: DenseDailySeries,
  trainEnd: number,
  index: EventWindowIndex,
): ClosureRules {
  const { startDay, values } = series;
  const last = Math.min(trainEnd - startDay, values.length) - 1;
  const seen = [0, 0, 0, 0, 0, 0, 0];
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  for (let i = last; i >= 0 && Math.min(...seen) < 8; i--) {
    if (Number.isNaN(values[i])) continue;
    const weekday = weekdayOf(startDay + i);
    if (seen[weekday] >= 8) continue;
    seen[weekday]++;
    if (values[i] === 0) zeros[weekday]++;
  }
  const closedWeekdays = zeros.map(
    (count, weekday) => seen[weekday] >= 3 && count >= Math.min(6, seen[weekday] - 1),
  );
  const history = new Map<string, boolean[]>();
  // Keys need at most their last two observations, all found within about two years.
  for (let i = last; i >= Math.max(0, last - 800); i--) {
    const value = values[i];
    if (Number.isNaN(value) || closedWeekdays[weekdayOf(startDay + i)]) continue;
    for (const key of closureKeys(startDay + i, index)) {
      const flags = history.get(key);
      if (!flags) history.set(key, [value === 0]);
      else if (flags.length < 2) flags.push(value === 0);
    }
  }
  const closedKeys = new Set<string>();
  for (const [key, flags] of history) {
    const needed = key.startsWith('md:') ? 2 : 1;
    if (flags.length >= needed && flags.slice(0, needed).every(Boolean)) closedKeys.add(key);
  }
  return { closedWeekdays, closedKeys };
}

/** True when the rules say the queue is closed on that day. */
export function isClosedDay(rules: ClosureRules, dayNumber: number, index: EventWindowIndex): boolean {
  if (rules.closedWeekdays[weekdayOf(dayNumber)]) return true;
  return closureKeys(dayNumber, index).some((key) => rules.closedKeys.has(key));
}
