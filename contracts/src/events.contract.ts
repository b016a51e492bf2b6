export type EventRuleKind =
  'fixed' | 'nth-weekday' | 'last-weekday' | 'easter-offset' | 'one-off' | 'day-after';

export interface EventDto {
  id: string;
  name: string;
  rule: Record<string, unknown> & { kind: EventRuleKind };
  windowBefore: number;
  windowAfter: number;
  country: string | null;
  /** True when every queue is closed on the event's date (e.g. Christmas Day): forecast 0, never staffed. */
  closed: boolean;
}

/** Body of PUT /api/events/:id/closed. */
export interface SetEventClosedRequest {
  closed: boolean;
}

/** An event's date in one year, as the calendar engine resolved it. */
export interface EventOccurrenceDto {
  eventId: string;
  name: string;
  date: string; // YYYY-MM-DD
}
