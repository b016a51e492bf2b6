import { addDays } from '@peakplan/forecasting';

import { demoReasonDays } from './demo-reasons';

function shareOf(rows: ReturnType<typeof demoReasonDays>, date: string, reason: string): number {
  const day = rows.filter((row) => row.date === date);
  return day.find((row) => row.reason === reason)!.offered / day.reduce((sum, row) => sum + row.offered, 0);
}

describe('demoReasonDays', () => {
  const days = Array.from({ length: 365 }, (_, index) => ({
    date: addDays('2025-01-01', index),
    offered: 2000,
  }));
  const rows = demoReasonDays(days, 20200214);

  it('splits every day exactly into its reasons, the same way every time', () => {
    for (const day of days.slice(0, 60))
      expect(rows.filter((row) => row.date === day.date).reduce((sum, row) => sum + row.offered, 0)).toBe(
        2000,
      );
    expect(demoReasonDays(days, 20200214)).toEqual(rows);
  });

  it("swells order status before Valentine's and complaints after Christmas", () => {
    // 2025-02-13 is the top of the Valentine's build-up; 2025-03-12 an ordinary Wednesday.
    expect(shareOf(rows, '2025-02-13', 'order-status')).toBeGreaterThan(
      1.3 * shareOf(rows, '2025-03-12', 'order-status'),
    );
    expect(shareOf(rows, '2025-01-03', 'complaint')).toBeGreaterThan(
      2 * shareOf(rows, '2025-03-12', 'complaint'),
    );
  });

  it('raises repeats and lowers promoters at the peak', () => {
    const rate = (date: string) => {
      const day = rows.filter((row) => row.date === date);
      const offered = day.reduce((sum, row) => sum + row.offered, 0);
      return day.reduce((sum, row) => sum + row.repeatContacts, 0) / offered;
    };
    expect(rate('2025-02-13')).toBeGreaterThan(rate('2025-03-12'));
    const promoters = (date: string) =>
      rows.filter((row) => row.date === date).reduce((s, r) => s + r.npsPromoters, 0);
    expect(promoters('2025-02-13')).toBeLessThan(promoters('2025-03-12'));
  });
});
