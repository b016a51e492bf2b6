import type { ForecastRunSummary } from '@peakplan/contracts';

import { currentRunPerQueue } from './current-runs';

function run(id: string, queueName: string, forecastFrom: string, horizonDays: number, createdAt: string) {
  return {
    id,
    queueId: `q-${queueName}`,
    queueName,
    status: 'completed',
    forecastFrom,
    horizonDays,
    createdAt,
  } as ForecastRunSummary;
}

describe('currentRunPerQueue: the forecasts a new scenario starts from', () => {
  it('takes the latest completed run per queue whose forecast still reaches today', () => {
    const runs = [
      // Valentine's review run: forecasts 17 Jan – 15 Feb 2026, made later than chat's current run.
      run('phone-past', 'phone', '2026-01-17', 30, '2026-12-02T06:00:00Z'),
      // 1 Nov + 32 days − 1 = 2 Dec: its last day is today, still current.
      run('phone-now', 'phone', '2026-11-01', 32, '2026-12-01T06:00:00Z'),
      run('chat-now', 'chat', '2026-12-02', 42, '2026-12-01T07:00:00Z'),
      run('chat-newer', 'chat', '2026-12-02', 42, '2026-12-02T07:00:00Z'),
      {
        ...run('email-failed', 'email', '2026-12-02', 42, '2026-12-02T08:00:00Z'),
        status: 'failed' as const,
      },
    ];
    expect(currentRunPerQueue(runs, '2026-12-02').map((picked) => picked.id)).toEqual([
      'chat-newer',
      'phone-now',
    ]);
    // The next day phone's run has ended: only chat is left.
    expect(currentRunPerQueue(runs, '2026-12-03').map((picked) => picked.id)).toEqual(['chat-newer']);
  });
});
