import type { ContactReasonsReport } from '@peakplan/contracts';

import { PALETTE } from '../charts/chart-palette';
import { reasonBars, reasonLabel } from './reason-chart-data';

const report = {
  queue: 'phone',
  event: 'valentines',
  eventName: "Valentine's Day",
  year: 2026,
  from: '2026-02-04',
  to: '2026-02-05',
  reasons: [
    {
      reason: 'order-status',
      peakContacts: 90,
      peakShare: 0.6,
      ordinaryShare: 0.3,
      growth: 3,
      extraShare: 0.8,
      poolHours: 12,
    },
    {
      reason: 'other',
      peakContacts: 60,
      peakShare: 0.4,
      ordinaryShare: 0.7,
      growth: 1.2,
      extraShare: 0.2,
      poolHours: 4,
    },
  ],
  days: [
    { date: '2026-02-03', inWindow: false, contacts: { other: 30, 'order-status': 10, '': 5 } },
    { date: '2026-02-04', inWindow: true, contacts: { other: 30, 'order-status': 40 } },
    { date: '2026-02-05', inWindow: true, contacts: { other: 30, 'order-status': 50 } },
  ],
} as unknown as ContactReasonsReport;

describe('reasonBars', () => {
  it('stacks the reasons in ranking order with the window marked, and days without a reason last', () => {
    const bars = reasonBars(report);
    expect(bars.dates).toEqual(['2026-02-03', '2026-02-04', '2026-02-05']);
    expect([bars.windowFirst, bars.windowLast]).toEqual([1, 2]);
    expect(bars.series.map((series) => [series.label, series.values])).toEqual([
      ['order-status', [10, 40, 50]],
      ['other', [30, 30, 30]],
      ['(no reason given)', [5, 0, 0]],
    ]);
    expect(bars.series[0].color).toBe(PALETTE.vermillion);
    expect(bars.title).toBe("Contacts per reason per day, phone, around Valentine's Day 2026");
  });

  it('names contacts without a reason', () => {
    expect(reasonLabel('')).toBe('(no reason given)');
    expect(reasonLabel('payment')).toBe('payment');
  });
});
