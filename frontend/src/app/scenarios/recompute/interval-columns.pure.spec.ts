import type { ScenarioIntervalDto } from '@peakplan/contracts';

import { columnBuffers, fromIntervalColumns, toIntervalColumns } from './interval-columns';

const row = (
  queue: string,
  start: string,
  figures: Partial<ScenarioIntervalDto> = {},
): ScenarioIntervalDto => ({
  queue,
  start,
  forecast: 12.34,
  required: 3,
  scheduled: 5,
  core: 2,
  poolGap: 3,
  serviceLevelWithoutPool: 0.4123,
  serviceLevelWithPool: 0.8,
  ...figures,
});

describe('interval columns (the way back from the worker)', () => {
  it('gives back the same intervals, queue names and starts taken from the inputs', () => {
    const intervals = [
      row('phone', '2026-02-13T09:00:00+01:00'),
      row('phone', '2026-02-13T09:15:00+01:00', {
        forecast: 0,
        required: 0,
        poolGap: 0,
        serviceLevelWithPool: 1,
      }),
      // a deferred queue has no service level
      row('email', '2026-02-13T09:00:00+01:00', {
        serviceLevelWithoutPool: null,
        serviceLevelWithPool: null,
      }),
    ];
    const queues = [
      { name: 'phone', starts: ['2026-02-13T09:00:00+01:00', '2026-02-13T09:15:00+01:00'] },
      { name: 'email', starts: ['2026-02-13T09:00:00+01:00'] },
    ];
    const columns = toIntervalColumns(intervals);
    expect(fromIntervalColumns(columns, queues)).toEqual(intervals);
    expect(columnBuffers(columns)).toHaveLength(7);
    expect(() => fromIntervalColumns(columns, queues.slice(0, 1))).toThrow(RangeError);
  });
});
