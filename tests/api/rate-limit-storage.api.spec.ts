/* The sign-in rate limit's counters in the database (DatabaseThrottlerStorage), on embedded PostgreSQL
 * and, with DATABASE_URL, on the server: the window, the block, and concurrent hits counted once each. */
import { DataSource } from 'typeorm';

import { DatabaseThrottlerStorage } from '@peakplan/backend/auth/database-throttler-storage';

import { startTestService, type TestService } from '../support/test-service';

describe('sign-in rate limit counters in the database', () => {
  let service: TestService;
  let storage: DatabaseThrottlerStorage;

  beforeAll(async () => {
    service = await startTestService();
    storage = new DatabaseThrottlerStorage(service.service.app.get(DataSource));
  });
  afterAll(() => service?.stop());

  it('lets the limit through in a window, blocks the next hit, and starts afresh once both have passed', async () => {
    // limit 3 in a 1 s window, block 2 s: hits 1–3 pass, the 4th blocks the key, the 5th (blocked) is
    // refused without being counted; after the block (2 s > the 1 s window) the key starts at 1.
    const hit = () => storage.increment('test-key', 1000, 3, 2000);
    const first = [await hit(), await hit(), await hit()];
    expect(first.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(first[0].timeToExpire).toBe(1); // ceil of the ≤ 1 s left
    const fourth = await hit();
    expect(fourth).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 2 });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('counts concurrent hits once each: 30 at once against a limit of 10 let exactly 10 through', async () => {
    const records = await Promise.all(
      Array.from({ length: 30 }, () => storage.increment('storm-key', 60_000, 10, 60_000)),
    );
    expect(records.filter((record) => !record.isBlocked)).toHaveLength(10);
    expect(
      records
        .filter((record) => !record.isBlocked)
        .map((record) => record.totalHits)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
  });
});
