import { eventPresets, isoDateToDayNumber, type EventDefinition } from '../calendar';
import { buildEventWindowIndex, eventsNeverSeen } from './event-window-index';

function gbMothersDayAndEaster(): EventDefinition[] {
  return [
    ...eventPresets('GB').filter((event) => event.id === 'mothers-day'),
    {
      id: 'easter',
      name: 'Easter',
      rule: { kind: 'easter-offset', days: 0 },
      windowBefore: 21,
      windowAfter: 1,
    },
  ];
}

describe('buildEventWindowIndex — overlapping windows are not double counted', () => {
  // GB 2026: Mothering Sunday = Easter (5 April) − 21 = 15 March, window 8–16 March. An Easter
  // event with 21 days before reaches back to 15 March: the windows overlap on 15 and 16 March.
  const events = gbMothersDayAndEaster();
  const index = buildEventWindowIndex(events, 2026, 2026, 'GB');
  const owner = (date: string) => {
    const feature = index.featureAt(isoDateToDayNumber(date));
    return feature < 0 ? undefined : index.features[feature];
  };

  it('gives every window day exactly one (event, offset), the nearest occurrence', () => {
    expect(owner('2026-03-16')).toEqual({ eventId: 'mothers-day', offset: 1 });
    expect(owner('2026-03-15')).toEqual({ eventId: 'mothers-day', offset: 0 }); // not also Easter −21
    expect(owner('2026-03-16')).toEqual({ eventId: 'mothers-day', offset: 1 }); // 1 day from it, 20 from Easter
    expect(owner('2026-03-17')).toEqual({ eventId: 'easter', offset: -19 });
    expect(owner('2026-04-05')).toEqual({ eventId: 'easter', offset: 0 });
    expect(owner('2026-04-07')).toBeUndefined();
  });
  it('breaks a tie towards the event listed first', () => {
    const tied: EventDefinition[] = [
      { id: 'a', name: 'A', rule: { kind: 'fixed', month: 3, day: 1 }, windowBefore: 0, windowAfter: 2 },
      { id: 'b', name: 'B', rule: { kind: 'fixed', month: 3, day: 5 }, windowBefore: 2, windowAfter: 0 },
    ];
    const tiedIndex = buildEventWindowIndex(tied, 2026, 2026);
    // 3 March is +2 from A and −2 from B: A (listed first) owns it, and B's −2 column stays unused.
    const feature = tiedIndex.features[tiedIndex.featureAt(isoDateToDayNumber('2026-03-03'))];
    expect(feature).toEqual({ eventId: 'a', offset: 2 });
    expect(tiedIndex.featureAt(isoDateToDayNumber('2026-03-04'))).toBeGreaterThanOrEqual(0);
  });
  it('keeps the weekday when aligning a moving event on last year (week-rounded lag)', () => {
    const nl = buildEventWindowIndex(eventPresets('NL'), 2025, 2026);
    // Mother's Day NL 2025-05-11 → 2026-05-10: 364 days, the same weekday.
    expect(nl.yearLagAt(isoDateToDayNumber('2026-05-10'))).toBe(364);
    expect(nl.holidaysAt(isoDateToDayNumber('2026-05-10'))).toEqual([]);
  });
});

describe('eventsNeverSeen', () => {
  // The same GB 2026 events: Mothering Sunday's window is 8–16 March and Easter's 15 March–6 April.
  const events = gbMothersDayAndEaster();
  const index = buildEventWindowIndex(events, 2026, 2026, 'GB');
  const unseen = (from: string, to: string) =>
    eventsNeverSeen(index, events, isoDateToDayNumber(from), isoDateToDayNumber(to)).map((event) => event.id);

  it('names the events with no window day in the history', () => {
    expect(unseen('2026-01-05', '2026-03-07')).toEqual(['mothers-day', 'easter']); // ends the day before 8 March
    expect(unseen('2026-01-05', '2026-03-08')).toEqual(['easter']); // Mothering Sunday's first window day
    expect(unseen('2026-03-17', '2026-04-30')).toEqual(['mothers-day']); // 17 March belongs to Easter
  });
});
