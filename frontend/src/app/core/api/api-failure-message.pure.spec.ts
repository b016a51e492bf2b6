import { describeApiFailure, isTransientFailure } from './api-failure-message';

describe('describeApiFailure', () => {
  it('says the server is unreachable when no answer came', () => {
    expect(describeApiFailure({ status: 0 }, 'loading the queues')).toMatch(
      /^Cannot reach the PeakPlan server while loading the queues/,
    );
  });

  it('says the session ended on 401', () => {
    expect(describeApiFailure({ status: 401 }, 'loading the queues')).toBe(
      'Your session has ended. Sign in again.',
    );
  });

  it('names the gateway status when the server is down behind a proxy', () => {
    expect(describeApiFailure({ status: 503 }, 'loading the history')).toMatch(
      /not available right now \(HTTP 503\)/,
    );
  });

  it("passes on PeakPlan's own message for a refused request", () => {
    const error = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'from must be on or before to',
      details: [],
    };
    expect(describeApiFailure({ status: 400, error }, 'loading the history')).toBe(
      'from must be on or before to (HTTP 400 while loading the history).',
    );
    expect(
      describeApiFailure({ status: 400, error: { message: ['a is bad', 'b is bad'] } }, 'saving'),
    ).toMatch(/^a is bad; b is bad/);
  });

  it('falls back to a generic sentence with the status', () => {
    expect(describeApiFailure({ status: 500, error: 'boom' }, 'loading the queues')).toMatch(
      /Something went wrong while loading the queues \(HTTP 500\)/,
    );
  });

  it('tells transient failures from refusals', () => {
    expect(isTransientFailure({ status: 0 })).toBe(true);
    expect(isTransientFailure({ status: 503 })).toBe(true);
    expect(isTransientFailure({ status: 400 })).toBe(false);
  });
});
