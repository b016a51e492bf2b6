import { DateTime } from 'luxon';

import type { PoolMessageKind } from '@peakplan/contracts';

/** What a message's words are made from: its kind, its payload, and the shift it is about (if any). */
export interface MessageFacts {
  kind: PoolMessageKind;
  payload: Record<string, unknown>;
  memberName: string;
  timeZone: string;
  shift: { skill: string; startsAt: Date; endsAt: Date } | null;
}

export const MESSAGE_LABELS: Record<PoolMessageKind, string> = {
  promoted: 'Moved up from the waitlist to a place',
  'moved-to-waitlist': 'Moved back to the waitlist',
  'shift-changed': 'A shift of mine changed',
  'shift-cancelled': 'A shift of mine was cancelled',
  'shift-tomorrow': 'Reminder the day before a shift',
  'window-opening': 'Sign-up opens soon',
  'window-closing': 'Sign-up closes soon',
  'allocation-result': 'The roster I was given',
  'approval-decided': "My manager's decision on joining the pool",
  'training-expiring': 'Training that expires before the next peak',
};

function when(timeZone: string, startsAt: Date, endsAt?: Date): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone });
  const end = endsAt ? `–${DateTime.fromJSDate(endsAt, { zone: timeZone }).toFormat('HH:mm')}` : '';
  return `${start.toFormat('cccc d LLLL HH:mm')}${end}`;
}

function instant(value: unknown): Date | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
}

/** An outbox row joined with its member and (where it is about one) its shift and queue. */
export interface MessageRow {
  kind: PoolMessageKind;
  payload: Record<string, unknown>;
  name: string;
  skill: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
}

/** The words of an outbox row, as the sender mails them and the member's message list shows them. */
export function messageTextOfRow(row: MessageRow, timeZone: string): { subject: string; text: string } {
  return messageText({
    kind: row.kind,
    payload: row.payload,
    memberName: row.name,
    timeZone,
    shift:
      row.skill && row.starts_at && row.ends_at
        ? { skill: row.skill, startsAt: row.starts_at, endsAt: row.ends_at }
        : null,
  });
}

/** The subject and plain text of a message, in the organisation's zone. */
export function messageText(facts: MessageFacts): { subject: string; text: string } {
  const { payload, shift, timeZone } = facts;
  const shiftWords = shift
    ? `${shift.skill} on ${when(timeZone, shift.startsAt, shift.endsAt)}`
    : 'a pool shift';
  const hello = `Hello ${facts.memberName},\n\n`;
  const lines = (subject: string, body: string) => ({ subject, text: `${hello}${body}\n\nPeakPlan` });
  switch (facts.kind) {
    case 'promoted':
      return lines('You have a place', `A place came free: you are now confirmed for ${shiftWords}.`);
    case 'moved-to-waitlist':
      return lines(
        'Back on the waitlist',
        `The planner reduced the places of ${shiftWords}: you are on its waitlist again.`,
      );
    case 'shift-changed':
      return lines('Your shift changed', `The planner changed ${shiftWords}. Check your schedule.`);
    case 'shift-cancelled': {
      const startsAt = instant(payload['startsAt']);
      return lines(
        'Your shift was cancelled',
        `The shift ${shift ? shiftWords : startsAt ? `on ${when(timeZone, startsAt)}` : ''} was cancelled. You do not need to come.`,
      );
    }
    case 'shift-tomorrow':
      return lines('Your shift tomorrow', `A reminder: you work ${shiftWords}.`);
    case 'window-opening': {
      const opensAt = instant(payload['opensAt']);
      return lines(
        'Sign-up opens soon',
        `Sign-up for ${String(payload['shifts'] ?? 'new')} shift(s) opens ${opensAt ? when(timeZone, opensAt) : 'soon'}.`,
      );
    }
    case 'window-closing': {
      const closesAt = instant(payload['closesAt']);
      return lines(
        'Sign-up closes soon',
        `Sign-up for ${String(payload['shifts'] ?? 'some')} shift(s) with places left closes ${closesAt ? when(timeZone, closesAt) : 'soon'}.`,
      );
    }
    case 'allocation-result':
      return lines(
        'Your roster',
        'The roster is published: see your schedule for the shifts you were given.',
      );
    case 'approval-decided':
      return payload['decision'] === 'approved'
        ? lines(
            'Approved for the pool',
            'Your manager approved you for the pool: you can sign up for shifts.',
          )
        : lines('Not approved for the pool', 'Your manager did not approve you for the pool this time.');
    case 'training-expiring':
      return lines(
        'Training expires before the next peak',
        `Your ${String(payload['skill'] ?? '')} training expires on ${String(payload['expiresOn'] ?? '')}, before the next peak${payload['peak'] ? ` (${String(payload['peak'])})` : ''}. Ask your planner to renew it.`,
      );
  }
}
