import type { CreateEventRequest, EventDto, EventRuleDto, EventRuleKind } from '@peakplan/contracts';

/** What the event form edits: every rule field at once, so switching the kind keeps what was typed. */
export interface EventDraft {
  name: string;
  kind: EventRuleKind;
  /** For `day-after`: the rule it follows (any kind but day-after). */
  innerKind: Exclude<EventRuleKind, 'day-after' | 'one-off'>;
  month: number;
  day: number;
  weekday: number;
  n: number;
  /** Days from Easter Sunday. */
  easterDays: number;
  /** `day-after`: days after the inner rule's date. */
  shiftDays: number;
  /** `one-off`: dates separated by commas, spaces or new lines. */
  dates: string;
  windowBefore: number;
  windowAfter: number;
  region: string;
}

export const EMPTY_EVENT_DRAFT: EventDraft = {
  name: '',
  kind: 'fixed',
  innerKind: 'nth-weekday',
  month: 2,
  day: 14,
  weekday: 0,
  n: 2,
  easterDays: 0,
  shiftDays: 1,
  dates: '',
  windowBefore: 7,
  windowAfter: 1,
  region: '',
};

function simpleRule(kind: EventDraft['innerKind'], draft: EventDraft): EventRuleDto {
  switch (kind) {
    case 'fixed':
      return { kind, month: draft.month, day: draft.day };
    case 'nth-weekday':
      return { kind, month: draft.month, weekday: draft.weekday, n: draft.n };
    case 'last-weekday':
      return { kind, month: draft.month, weekday: draft.weekday };
    case 'easter-offset':
      return { kind, days: draft.easterDays };
  }
}

/** The date rule the draft describes, as the API takes it. */
export function draftRule(draft: EventDraft): EventRuleDto {
  if (draft.kind === 'one-off') {
    const dates = draft.dates
      .split(/[\s,;]+/)
      .map((date) => date.trim())
      .filter(Boolean);
    return { kind: 'one-off', dates: [...new Set(dates)].sort() };
  }
  if (draft.kind === 'day-after')
    return { kind: 'day-after', rule: simpleRule(draft.innerKind, draft), days: draft.shiftDays };
  return simpleRule(draft.kind, draft);
}

/** The create request of a draft (also the update: the key is left out there). */
export function draftToRequest(draft: EventDraft): CreateEventRequest {
  return {
    name: draft.name.trim(),
    rule: draftRule(draft),
    windowBefore: draft.windowBefore,
    windowAfter: draft.windowAfter,
    region: draft.region.trim() === '' ? null : draft.region.trim().toUpperCase(),
  };
}

/** A stored event as a draft, to edit it. */
export function eventToDraft(event: EventDto): EventDraft {
  const draft: EventDraft = {
    ...EMPTY_EVENT_DRAFT,
    name: event.name,
    kind: event.rule.kind,
    windowBefore: event.windowBefore,
    windowAfter: event.windowAfter,
    region: event.region ?? '',
  };
  const fill = (rule: EventRuleDto): void => {
    if ('month' in rule) draft.month = rule.month;
    if (rule.kind === 'fixed') draft.day = rule.day;
    if ('weekday' in rule) draft.weekday = rule.weekday;
    if (rule.kind === 'nth-weekday') draft.n = rule.n;
    if (rule.kind === 'easter-offset') draft.easterDays = rule.days;
  };
  const rule = event.rule;
  if (rule.kind === 'one-off') draft.dates = rule.dates.join(', ');
  else if (rule.kind === 'day-after') {
    draft.shiftDays = rule.days ?? 1;
    if (rule.rule.kind !== 'day-after' && rule.rule.kind !== 'one-off') draft.innerKind = rule.rule.kind;
    fill(rule.rule);
  } else fill(rule);
  return draft;
}

/** What is wrong with the draft before it goes to the server, or null. */
export function draftProblem(draft: EventDraft): string | null {
  if (draft.name.trim() === '') return 'Give the event a name.';
  for (const [label, value] of [
    ['Days before', draft.windowBefore],
    ['Days after', draft.windowAfter],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 60)
      return `${label} must be a whole number from 0 to 60.`;
  }
  const rule = draftRule(draft);
  if (rule.kind === 'one-off') {
    if (rule.dates.length === 0) return 'Give at least one date (YYYY-MM-DD).';
    const bad = rule.dates.find((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date));
    if (bad) return `"${bad}" is not a date YYYY-MM-DD.`;
  }
  if (draft.region.trim() !== '' && !/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(draft.region.trim()))
    return 'Region must be an ISO code such as NL or BE-VAN, or empty for the whole organisation.';
  return null;
}
