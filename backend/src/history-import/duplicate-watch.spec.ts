import { DuplicateWatch } from './duplicate-watch';

const QUARTER = 900_000;

describe('DuplicateWatch', () => {
  it('proves a file in time order per queue free of duplicates, rising or falling', () => {
    const rising = new DuplicateWatch();
    const falling = new DuplicateWatch();
    for (let interval = 0; interval < 4; interval++)
      for (const queue of ['phone', 'chat']) {
        rising.see(queue, interval * QUARTER, '');
        falling.see(queue, -interval * QUARTER, '');
      }
    expect(rising.noDuplicates).toBe(true);
    expect(falling.noDuplicates).toBe(true);
  });

  it('allows several reasons for one interval', () => {
    const watch = new DuplicateWatch();
    watch.see('phone', 0, 'order-status');
    watch.see('phone', 0, 'delivery');
    watch.see('phone', QUARTER, 'order-status');
    expect(watch.noDuplicates).toBe(true);
  });

  it('gives up on a repeated key in a row', () => {
    const watch = new DuplicateWatch();
    watch.see('phone', 0, 'delivery');
    watch.see('phone', 0, 'delivery');
    expect(watch.noDuplicates).toBe(false);
  });

  it('gives up when a queue goes back in time (a repeat may hide further back)', () => {
    const watch = new DuplicateWatch();
    watch.see('phone', 0, '');
    watch.see('phone', QUARTER, '');
    watch.see('phone', 2 * QUARTER, '');
    watch.see('phone', QUARTER, '');
    expect(watch.noDuplicates).toBe(false);
  });
});
