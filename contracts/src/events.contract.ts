export type EventRuleKind =
  'fixed' | 'nth-weekday' | 'last-weekday' | 'easter-offset' | 'one-off' | 'day-after';

/**
 * How an event's date is found each year (the calendar engine's rule). Weekday 0 = Sunday … 6 = Saturday;
 * `n` 1..5; `easter-offset` days from Easter Sunday; `one-off` lists its dates (campaigns);
 * `day-after` shifts an inner rule by `days` (default 1), e.g. Black Friday.
 */
export type EventRuleDto =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'nth-weekday'; month: number; weekday: number; n: number }
  | { kind: 'last-weekday'; month: number; weekday: number }
  | { kind: 'easter-offset'; days: number }
  | { kind: 'one-off'; dates: string[] }
  | { kind: 'day-after'; rule: EventRuleDto; days?: number };

export interface EventDto {
  id: string;
  /** Stable key the forecasts and peak reviews use (e.g. `valentines`); fixed once created. */
  key: string;
  name: string;
  rule: EventRuleDto;
  windowBefore: number;
  windowAfter: number;
  /** The organisation's country. */
  country: string | null;
  /** Where the event applies (ISO 3166 code such as `NL` or `BE-VAN`); null for the whole organisation. */
  region: string | null;
  /** When the event was retired (ISO instant); null while it shapes forecasts. */
  retiredAt: string | null;
  /** True when every queue is closed on the event's date (e.g. Christmas Day): forecast 0, never staffed. */
  closed: boolean;
}

/** Body of PUT /api/events/:id/closed. */
export interface SetEventClosedRequest {
  closed: boolean;
}

/** `POST /api/events`. */
export interface CreateEventRequest {
  /** Default: made from the name (`Mother's Day` → `mothers-day`). */
  key?: string;
  name: string;
  rule: EventRuleDto;
  /** Days before the event date in its window, 0..60. */
  windowBefore: number;
  /** Days after the event date in its window, 0..60. */
  windowAfter: number;
  region?: string | null;
}

/** `PATCH /api/events/:id`: only the fields given change; the key cannot. */
export type UpdateEventRequest = Partial<Omit<CreateEventRequest, 'key'>>;

/** An event's date in one year, as the calendar engine resolved it. */
export interface EventOccurrenceDto {
  eventId: string;
  name: string;
  date: string; // YYYY-MM-DD
}
