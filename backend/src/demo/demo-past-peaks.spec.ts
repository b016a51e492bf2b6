import { pastPeaks } from './demo-past-peaks';

// Windows as the NL calendar gives them (windows: Valentine's 10 days before, 1 after; Mother's Day,
// the second Sunday of May — 10 May 2026 — 7 before, 1 after; Christmas 21 before, 7 after).
const WINDOWS: Record<string, Record<number, { dates: string[]; from: string; to: string }>> = {
  valentines: {
    2026: { dates: ['2026-02-14'], from: '2026-02-04', to: '2026-02-15' },
    2025: { dates: ['2025-02-14'], from: '2025-02-04', to: '2025-02-15' },
  },
  'mothers-day': {
    2026: { dates: ['2026-05-10'], from: '2026-05-03', to: '2026-05-11' },
    2025: { dates: ['2025-05-11'], from: '2025-05-04', to: '2025-05-12' },
  },
  christmas: {
    2026: { dates: ['2026-12-25'], from: '2026-12-04', to: '2027-01-01' },
    2025: { dates: ['2025-12-25'], from: '2025-12-04', to: '2026-01-01' },
  },
};
const EVENTS = [
  { id: 'valentines', name: "Valentine's Day" },
  { id: 'mothers-day', name: "Mother's Day" },
  { id: 'christmas', name: 'Christmas' },
  { id: 'easter', name: 'Easter' },
];
const windowOf = (id: string, year: number) => WINDOWS[id]?.[year] ?? null;

describe('pastPeaks: the peaks the demo forecasts, plans and reviews on a first start', () => {
  it('takes the last ended window of each peak, with the forecast made 28 days ahead', () => {
    // On 2 December 2026 this year's Christmas window (4 Dec – 1 Jan) has not ended: last year's is taken.
    // Forecast made on the 29th day before the event: 14 Feb − 29 days = 16 Jan; 10 May − 29 = 11 Apr;
    // 25 Dec − 29 = 26 Nov.
    expect(pastPeaks(EVENTS, windowOf, '2022-01-01', '2026-12-02')).toEqual([
      {
        event: 'christmas',
        name: 'Christmas',
        year: 2025,
        from: '2025-12-04',
        to: '2026-01-01',
        trainingTo: '2025-11-26',
      },
      {
        event: 'valentines',
        name: "Valentine's Day",
        year: 2026,
        from: '2026-02-04',
        to: '2026-02-15',
        trainingTo: '2026-01-16',
      },
      {
        event: 'mothers-day',
        name: "Mother's Day",
        year: 2026,
        from: '2026-05-03',
        to: '2026-05-11',
        trainingTo: '2026-04-11',
      },
    ]);
  });

  it('does not count a window that ends today, and skips peaks with under 400 days of history before them', () => {
    // 15 Feb 2026 is the last day of Valentine's window: on that day last year's is the last ended one.
    expect(
      pastPeaks(EVENTS, windowOf, '2022-01-01', '2026-02-15')
        .filter((peak) => peak.event === 'valentines')
        .map((peak) => peak.year),
    ).toEqual([2025]);
    // History from 1 June 2025: 229 days before Valentine's 2026 forecast, 314 before Mother's Day's.
    expect(pastPeaks(EVENTS, windowOf, '2025-06-01', '2026-12-02')).toEqual([]);
  });
});
