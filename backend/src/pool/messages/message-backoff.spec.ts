import { retryDelayMinutes } from './message-backoff';

describe('retryDelayMinutes: doubling back-off, capped at an hour', () => {
  it('waits 1, 2, 4 … minutes and never more than 60', () => {
    // 2^(attempts − 1): 1, 2, 4, 8, 16, 32, then 64 capped to 60.
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(retryDelayMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('refuses a count of attempts below one', () => {
    expect(() => retryDelayMinutes(0)).toThrow(RangeError);
  });
});
