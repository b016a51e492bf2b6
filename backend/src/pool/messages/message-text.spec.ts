import { messageText } from './message-text';

const SHIFT = {
  skill: 'phone',
  // Thursday 24 December 2026, 16:00–20:00 in Amsterdam (UTC+1).
  startsAt: new Date('2026-12-24T15:00:00Z'),
  endsAt: new Date('2026-12-24T19:00:00Z'),
};

describe('messageText: what a member reads', () => {
  it('names the shift in the organisation’s zone', () => {
    const { subject, text } = messageText({
      kind: 'shift-tomorrow',
      payload: {},
      memberName: 'Anna',
      timeZone: 'Europe/Amsterdam',
      shift: SHIFT,
    });
    expect(subject).toBe('Your shift tomorrow');
    expect(text).toBe(
      'Hello Anna,\n\nA reminder: you work phone on Thursday 24 December 16:00–20:00.\n\nPeakPlan',
    );
  });

  it('says which way the manager decided', () => {
    const facts = { memberName: 'Bram', timeZone: 'Europe/Amsterdam', shift: null };
    expect(
      messageText({ ...facts, kind: 'approval-decided', payload: { decision: 'approved' } }).subject,
    ).toBe('Approved for the pool');
    expect(
      messageText({ ...facts, kind: 'approval-decided', payload: { decision: 'refused' } }).subject,
    ).toBe('Not approved for the pool');
  });

  it('tells when training expires and before which peak', () => {
    const { text } = messageText({
      kind: 'training-expiring',
      payload: { skill: 'chat', expiresOn: '2026-12-10', peak: 'Christmas 2026' },
      memberName: 'Iris',
      timeZone: 'Europe/Amsterdam',
      shift: null,
    });
    expect(text).toContain(
      'Your chat training expires on 2026-12-10, before the next peak (Christmas 2026).',
    );
  });
});
