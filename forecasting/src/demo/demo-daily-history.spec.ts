import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { demoDailyHistory } from './demo-daily-history';
import { DEMO_SEED, generateDemoHistory } from './demo-history';

const ZONE = 'Europe/Amsterdam';

describe('demoDailyHistory', () => {
  it("sums one queue's 15-minute rows per local day, a closed day as 0", () => {
    const range = { from: '2025-12-23', to: '2025-12-27', timeZone: ZONE, seed: 5 };
    const days = demoDailyHistory({ ...range, queue: 'phone' });
    expect(days.map((day) => day.date)).toEqual([
      '2025-12-23',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-27',
    ]);
    const byDay = [...generateDemoHistory(range)].map((rows) =>
      rows.filter((row) => row.queueName === 'phone').reduce((sum, row) => sum + row.offered, 0),
    );
    expect(days.map((day) => day.offered)).toEqual(byDay);
    // The phone queue is closed on Christmas Day and Boxing Day (demo-queues.ts), open either side.
    expect(days[2].offered).toBe(0);
    expect(days[3].offered).toBe(0);
    expect(days[1].offered).toBeGreaterThan(0);
    expect(days[4].offered).toBeGreaterThan(0);
  });

  it("is the command line's demo fixture: the demo as a first start on 31 October 2026 loads it", () => {
    const fixture = readFileSync(join(__dirname, '../../fixtures/demo-history.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [queue, date, offered] = line.split(',');
        return { queue, date, offered: Number(offered) };
      });
    const days = demoDailyHistory({
      from: '2022-10-31',
      to: '2026-10-30',
      timeZone: ZONE,
      seed: DEMO_SEED,
      queue: 'phone',
    });
    expect(fixture).toEqual(days.map((day) => ({ queue: 'phone', ...day })));
  });
});
