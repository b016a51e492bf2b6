import type { NotificationSettingsDto } from '@peakplan/contracts';

import { changedCount, draftFrom, offKinds } from './notification-settings-draft';

const saved: NotificationSettingsDto = {
  kinds: [
    { kind: 'promoted', label: 'I move from the waitlist to a place', on: true },
    { kind: 'shift-tomorrow', label: 'A shift of mine is tomorrow', on: false },
    { kind: 'allocation-result', label: 'A roster with my preferences is published', on: true },
  ],
};

describe('notification settings as edited: one checkbox per kind, saved as the kinds switched off', () => {
  it('starts from what is saved: nothing changed, the saved kind off stays off', () => {
    const draft = draftFrom(saved);
    expect(changedCount(saved, draft)).toBe(0);
    expect(offKinds(saved, draft)).toEqual(['shift-tomorrow']);
  });

  it('switching one kind off and another on changes two and sends the new off list in the server’s order', () => {
    const draft = { ...draftFrom(saved), 'allocation-result': false, 'shift-tomorrow': true };
    expect(changedCount(saved, draft)).toBe(2);
    expect(offKinds(saved, draft)).toEqual(['allocation-result']);
  });

  it('a kind missing from the draft keeps its saved value', () => {
    expect(changedCount(saved, {})).toBe(0);
    expect(offKinds(saved, { promoted: false })).toEqual(['promoted']);
  });
});
