/* Messages to pool members: reminders and changes, sent once from the outbox (issue 14). */

/** What a message is about. */
export type PoolMessageKind =
  | 'promoted'
  | 'moved-to-waitlist'
  | 'shift-changed'
  | 'shift-cancelled'
  | 'shift-tomorrow'
  | 'window-opening'
  | 'window-closing'
  | 'allocation-result'
  | 'approval-decided'
  | 'training-expiring';

export const POOL_MESSAGE_KINDS: readonly PoolMessageKind[] = [
  'promoted',
  'moved-to-waitlist',
  'shift-changed',
  'shift-cancelled',
  'shift-tomorrow',
  'window-opening',
  'window-closing',
  'allocation-result',
  'approval-decided',
  'training-expiring',
];

/** pending: not sent yet (or retrying); skipped: switched off by the member; failed: gave up. */
export type PoolMessageStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/** `GET /api/pool/me/messages`: newest first. */
export interface PoolMessageDto {
  id: string;
  kind: PoolMessageKind;
  subject: string;
  text: string;
  status: PoolMessageStatus;
  createdAt: string;
  sentAt: string | null;
}

/** `GET` and `PUT /api/pool/me/notification-settings`: every kind, on or off. */
export interface NotificationSettingsDto {
  kinds: { kind: PoolMessageKind; label: string; on: boolean }[];
}

/** `PUT /api/pool/me/notification-settings`: the kinds to switch off (all others are on). */
export interface UpdateNotificationSettingsRequest {
  off: PoolMessageKind[];
}

/** `GET /api/pool/messages/failures` (admin): messages that failed or are being retried. */
export interface MessageFailureDto {
  id: string;
  memberId: string;
  email: string;
  kind: PoolMessageKind;
  attempts: number;
  lastError: string | null;
  /** Set when the sender gave up; null while it retries. */
  failedAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

/** `POST /api/pool/messages/send-due` (admin): one pass of the sender. */
export interface SendDueResultDto {
  claimed: number;
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
}
