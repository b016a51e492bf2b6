import { Observable, of, Subject } from 'rxjs';

import { oneAtATime } from './one-at-a-time';

describe('oneAtATime', () => {
  it('runs the first value at once and, of those coming meanwhile, only the latest next', () => {
    const source = new Subject<number>();
    const runs = new Map<number, Subject<string>>();
    const started: number[] = [];
    const results: string[] = [];
    source
      .pipe(
        oneAtATime(
          (value) =>
            new Observable<string>((subscriber) => {
              started.push(value);
              const run = new Subject<string>();
              runs.set(value, run);
              return run.subscribe(subscriber);
            }),
        ),
      )
      .subscribe((result) => results.push(result));
    source.next(1);
    source.next(2);
    source.next(3);
    expect(started).toEqual([1]);
    runs.get(1)!.next('result 1');
    runs.get(1)!.complete();
    // 2 was overtaken by 3 while 1 ran: 3 runs, 2 never does.
    expect(started).toEqual([1, 3]);
    source.next(4);
    runs.get(3)!.next('result 3');
    runs.get(3)!.complete();
    runs.get(4)!.next('result 4');
    runs.get(4)!.complete();
    expect(started).toEqual([1, 3, 4]);
    expect(results).toEqual(['result 1', 'result 3', 'result 4']);
  });

  it('runs every value when each run ends at once, and completes after the last', () => {
    const results: number[] = [];
    let completed = false;
    of(1, 2, 3)
      .pipe(oneAtATime((value) => of(value * 10)))
      .subscribe({ next: (result) => results.push(result), complete: () => (completed = true) });
    expect(results).toEqual([10, 20, 30]);
    expect(completed).toBe(true);
  });

  it('stops the running one when unsubscribed', () => {
    let stopped = false;
    const subscription = of(1)
      .pipe(oneAtATime(() => new Observable<number>(() => () => (stopped = true))))
      .subscribe();
    subscription.unsubscribe();
    expect(stopped).toBe(true);
  });
});
