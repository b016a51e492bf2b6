import { InProcessJobQueue } from './in-process-job-queue';
import { JobFailedError, type QueuedJob } from './job-queue';

describe('InProcessJobQueue: the job queue of embedded PostgreSQL', () => {
  it('runs the jobs of a name one at a time, in the order sent, once it has started', async () => {
    const queue = new InProcessJobQueue();
    const log: string[] = [];
    queue.work<{ n: number }>('forecast-run', async ({ data }) => {
      log.push(`start ${data.n}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${data.n}`);
      return data.n * 10;
    });
    const ids = [await queue.send('forecast-run', { n: 1 }), await queue.send('forecast-run', { n: 2 })];
    expect(await queue.unfinished('forecast-run', ids)).toEqual(new Set(ids)); // held until start
    await queue.start();
    expect(await queue.sendAndWait('forecast-run', { n: 3 })).toBe(30);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(await queue.state('forecast-run', ids[1])).toEqual({ state: 'completed', output: 20 });
    expect(await queue.unfinished('forecast-run', ids)).toEqual(new Set());
  });

  it('queues a job id once', async () => {
    const queue = new InProcessJobQueue();
    let runs = 0;
    queue.work('forecast-run', async () => ++runs);
    await queue.start();
    const id = '5b0c2f55-1c7e-4d61-9d6a-0f0c3c7e0a11';
    await queue.send('forecast-run', {}, { id });
    await queue.send('forecast-run', {}, { id });
    await queue.sendAndWait('forecast-run', {});
    expect(runs).toBe(2);
  });

  it('retries a failed attempt with pg-boss’s back-off, then fails for good', async () => {
    const waits: number[] = [];
    // random() = 0.5: each wait is 1.5 × its base.
    const queue = new InProcessJobQueue(
      async (ms) => void waits.push(ms),
      () => 0.5,
    );
    const attempts: Pick<QueuedJob<object>, 'attempt' | 'lastAttempt'>[] = [];
    queue.work('forecast-run', async ({ attempt, lastAttempt }) => {
      attempts.push({ attempt, lastAttempt });
      throw new Error(`attempt ${attempt} failed`);
    });
    await queue.start();
    await expect(queue.sendAndWait('forecast-run', {})).rejects.toThrow(
      new JobFailedError('attempt 4 failed'),
    );
    // forecast-run: retryLimit 3, retryDelay 5 s. pg-boss waits delay × 2^(n+1) / 2 × (1 + random) after
    // the nth failure (n from 0): 5 × 1 × 1.5 = 7.5 s, 5 × 2 × 1.5 = 15 s, 5 × 4 × 1.5 = 30 s.
    expect(waits).toEqual([7500, 15000, 30000]);
    expect(attempts).toEqual([
      { attempt: 1, lastAttempt: false },
      { attempt: 2, lastAttempt: false },
      { attempt: 3, lastAttempt: false },
      { attempt: 4, lastAttempt: true },
    ]);
  });

  it('succeeds on a retry after a passing failure', async () => {
    const queue = new InProcessJobQueue(async () => undefined);
    queue.work('staffing-plan', async ({ attempt }) => {
      if (attempt === 1) throw new Error('connection terminated');
      return { planId: 'p1' };
    });
    await queue.start();
    expect(await queue.sendAndWait('staffing-plan', {})).toEqual({ planId: 'p1' });
  });
});
