import { panZoom, zoomWindow } from './history-zoom';

describe('history zoom', () => {
  it('shows everything at "all", and the last year, week or day of the range by default', () => {
    expect(zoomWindow({ level: 'all', end: null }, 730)).toBeNull();
    // 730 days, indices 0..729: the last 365 are 365..729, the last 7 are 723..729.
    expect(zoomWindow({ level: 'year', end: null }, 730)).toEqual({ min: 365, max: 729 });
    expect(zoomWindow({ level: 'week', end: null }, 730)).toEqual({ min: 723, max: 729 });
    expect(zoomWindow({ level: 'day', end: null }, 730)).toEqual({ min: 729, max: 729 });
  });

  it('keeps a window inside a range shorter than it', () => {
    expect(zoomWindow({ level: 'year', end: null }, 30)).toEqual({ min: 0, max: 29 });
    expect(zoomWindow({ level: 'week', end: 2 }, 30)).toEqual({ min: 0, max: 6 });
  });

  it('pans by a whole window and stops at the ends', () => {
    // The last week ends at 729; a week earlier ends at 722 (716..722).
    const earlier = panZoom({ level: 'week', end: null }, -1, 730);
    expect(earlier).toEqual({ level: 'week', end: 722 });
    expect(zoomWindow(earlier, 730)).toEqual({ min: 716, max: 722 });
    expect(panZoom({ level: 'week', end: 8 }, -1, 730)).toEqual({ level: 'week', end: 6 });
    expect(panZoom({ level: 'day', end: 729 }, 1, 730)).toEqual({ level: 'day', end: 729 });
    expect(panZoom({ level: 'all', end: null }, 1, 730)).toEqual({ level: 'all', end: null });
  });
});
