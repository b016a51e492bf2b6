import type { EventRule } from './event-rule';
import type { IsoDate } from './iso-date';

/** A recurring (or one-off) demand driver and the days around it in which it shapes demand. */
export interface EventDefinition {
  id: string;
  name: string;
  rule: EventRule;
  /** Days before the event date that belong to its window (build-up). */
  windowBefore: number;
  /** Days after the event date that belong to its window (tail or collapse). */
  windowAfter: number;
  /** True when the queue is closed on the event date itself (set by a planner, e.g. Christmas Day). */
  closed?: boolean;
}

/** One dated instance of an event. */
export interface EventOccurrence {
  eventId: string;
  name: string;
  date: IsoDate;
}

/** Checks an event definition; throws RangeError/TypeError naming the field. */
export function assertEventDefinition(event: EventDefinition, argument = 'event'): void {
  if (event === null || typeof event !== 'object') throw new TypeError(`${argument} must be an object`);
  if (typeof event.id !== 'string' || event.id.trim() === '')
    throw new TypeError(`${argument}.id must be a non-empty string`);
  for (const field of ['windowBefore', 'windowAfter'] as const) {
    const value = event[field];
    if (!Number.isInteger(value) || value < 0 || value > 60)
      throw new RangeError(`${argument}.${field} must be an integer 0..60, got ${value}`);
  }
  if (event.closed !== undefined && typeof event.closed !== 'boolean')
    throw new TypeError(`${argument}.closed must be a boolean when given`);
}
