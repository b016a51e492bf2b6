import { dayNumberToIsoDate, type EventDefinition } from '../calendar';
import type { DailyObservation } from './daily-history';
import { eventEffectLog } from './event-effects';
import { eventsNeverSeen, type EventWindowIndex } from './event-window-index';
import type { RegressionFit } from './regression-model';

/**
 * Another queue of the same organisation whose history speaks for what this queue's cannot yet (a new
 * chat channel beside a phone queue with years of Valentine's): the peaks hit every channel.
 */
export interface EventEffectSource {
  /** Shown in warnings and reports, e.g. the queue's name. */
  label: string;
  history: readonly DailyObservation[];
}

/** Event-offset effects taken from a source queue, for the events the history never saw. */
export interface BorrowedEventEffects {
  label: string;
  /** The events whose effects were borrowed (seen by the source, never by the history). */
  eventIds: string[];
  /** Per event-offset feature (as in the index), the source's β in log(1 + y) units; 0 where not borrowed. */
  logEffects: Float64Array;
}

/** The source's days before `origin` (a day number): what was known of it at that origin. */
export function sourceHistoryBefore(source: EventEffectSource, origin: number): DailyObservation[] {
  const cut = dayNumberToIsoDate(origin);
  return source.history.filter((day) => day.date < cut);
}

/**
 * Borrows the event-offset effects of the `unseen` events from a source queue's fit, made with the same
 * events (so its features are numbered as this history's). Events the source never saw either stay
 * without an effect. Undefined when nothing could be borrowed.
 * @example borrowEventEffects('phone', phoneFit, [valentines], events)?.eventIds // ['valentines']
 */
export function borrowEventEffects(
  label: string,
  source: { fit: RegressionFit; index: EventWindowIndex; first: number; last: number },
  unseen: readonly EventDefinition[],
  events: readonly EventDefinition[],
): BorrowedEventEffects | undefined {
  const neverSeenBySource = new Set(
    eventsNeverSeen(source.index, events, source.first, source.last).map((event) => event.id),
  );
  const borrowed = unseen.filter((event) => !neverSeenBySource.has(event.id)).map((event) => event.id);
  if (borrowed.length === 0) return undefined;
  const wanted = new Set(borrowed);
  const logEffects = new Float64Array(source.index.features.length);
  source.index.features.forEach((feature, k) => {
    if (wanted.has(feature.eventId)) logEffects[k] = eventEffectLog(source.fit, k);
  });
  return { label, eventIds: borrowed, logEffects };
}
