/**
 * The member's notification settings as edited on the page: one checkbox per kind, saved as the list
 * of kinds switched off. Pure, so its spec runs under plain jest.
 */
import type { NotificationSettingsDto, PoolMessageKind } from '@peakplan/contracts';

export type SettingsDraft = Readonly<Partial<Record<string, boolean>>>;

export function draftFrom(settings: NotificationSettingsDto): SettingsDraft {
  return Object.fromEntries(settings.kinds.map((entry) => [entry.kind, entry.on]));
}

/** The `off` list of `PUT /api/pool/me/notification-settings`, in the server's order of kinds. */
export function offKinds(settings: NotificationSettingsDto, draft: SettingsDraft): PoolMessageKind[] {
  return settings.kinds.filter((entry) => draft[entry.kind] === false).map((entry) => entry.kind);
}

/** How many kinds the draft changes against what is saved (0: nothing to save). */
export function changedCount(settings: NotificationSettingsDto, draft: SettingsDraft): number {
  return settings.kinds.filter((entry) => (draft[entry.kind] ?? entry.on) !== entry.on).length;
}
