export type EventRuleKind =
  'fixed' | 'nth-weekday' | 'last-weekday' | 'easter-offset' | 'one-off' | 'day-after';

export interface EventDto {
  id: string;
  name: string;
  rule: Record<string, unknown> & { kind: EventRuleKind };
  windowBefore: number;
  windowAfter: number;
  country: string | null;
}

/** An event's date in one year, as the calendar engine resolved it. */
export interface EventOccurrenceDto {
  eventId: string;
  name: string;
  date: string; // YYYY-MM-DD
}
