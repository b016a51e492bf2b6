import type { IsoDate } from '../calendar/iso-date';

/** Contacts of one reason on one past day ('' = no reason given). */
export interface ReasonDayCount {
  date: IsoDate;
  reason: string;
  offered: number;
}

/**
 * The reason mix of each target day, learned from past days in the same place of an event window: a
 * target day whose `offsetKey` is `valentines:-3` (three days before Valentine's) gets the pooled
 * shares of all past days with that key, so the build-up's mix lands on the build-up's days; a target
 * day outside every window (key null), or whose key no past day has, gets the mix of the past days
 * outside every window. Shares per day add up to 1 over the reasons seen (or the day's map is empty
 * without history).
 *
 * @example
 * // past: 2025-02-11 (valentines:-3) 30 order-status, 10 other; 2025-03-01 (ordinary) 10 + 30
 * reasonSharesByDay(past, ['2026-02-11', '2026-03-04'], keyOf)
 * // [{ 'order-status': 0.75, other: 0.25 }, { 'order-status': 0.25, other: 0.75 }]
 */
export function reasonSharesByDay(
  history: readonly ReasonDayCount[],
  targetDays: readonly IsoDate[],
  offsetKey: (date: IsoDate) => string | null,
): Record<string, number>[] {
  const byKey = new Map<string, Map<string, number>>();
  const add = (key: string, reason: string, offered: number) => {
    let reasons = byKey.get(key);
    if (!reasons) byKey.set(key, (reasons = new Map()));
    reasons.set(reason, (reasons.get(reason) ?? 0) + offered);
  };
  history.forEach((count, index) => {
    if (!Number.isFinite(count.offered) || count.offered < 0)
      throw new RangeError(`history[${index}].offered must be a number ≥ 0, got ${count.offered}`);
    add(offsetKey(count.date) ?? '', count.reason, count.offered);
  });
  const sharesOf = new Map<string, Record<string, number>>();
  for (const [key, reasons] of byKey) {
    const total = [...reasons.values()].reduce((sum, offered) => sum + offered, 0);
    if (total > 0)
      sharesOf.set(
        key,
        Object.fromEntries([...reasons].map(([reason, offered]) => [reason, offered / total])),
      );
  }
  return targetDays.map((date) => ({ ...(sharesOf.get(offsetKey(date) ?? '') ?? sharesOf.get('') ?? {}) }));
}
