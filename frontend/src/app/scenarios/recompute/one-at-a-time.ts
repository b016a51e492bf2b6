import { Observable, type OperatorFunction } from 'rxjs';

/**
 * Runs `project` on each value, one at a time, and passes on what each run gives. A value that comes
 * while a run is going waits; of several waiting only the latest runs next. For the recompute as a slider
 * moves: the first move computes at once (no rest to wait for), a drag never queues stale work in the
 * worker (which cannot be interrupted), and the last position is always computed.
 */
export function oneAtATime<T, R>(project: (value: T) => Observable<R>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let running = false;
      let waiting: { value: T } | null = null;
      let sourceDone = false;
      let run: { unsubscribe(): void } | null = null;
      const start = (value: T): void => {
        running = true;
        run = project(value).subscribe({
          next: (result) => subscriber.next(result),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            running = false;
            const next = waiting;
            waiting = null;
            if (next) start(next.value);
            else if (sourceDone) subscriber.complete();
          },
        });
      };
      const outer = source.subscribe({
        next: (value) => {
          if (running) waiting = { value };
          else start(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          if (!running) subscriber.complete();
        },
      });
      return () => {
        outer.unsubscribe();
        run?.unsubscribe();
      };
    });
}
