import { HttpErrorResponse } from '@angular/common/http';
import { catchError, map, Observable, of, startWith } from 'rxjs';

import { describeApiFailure } from './api-failure-message';

/** What a page shows for one piece of server data: a spinner, the value, or an error it can explain. */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; httpStatus: number; message: string };

export const LOADING: LoadState<never> = { status: 'loading' };
export const IDLE: LoadState<never> = { status: 'idle' };

/** Wraps a request so it emits `loading` first, then `ready` or an `error` with a sentence for people. */
export function toLoadState<T>(request: Observable<T>, action: string): Observable<LoadState<T>> {
  return request.pipe(
    map((value): LoadState<T> => ({ status: 'ready', value })),
    catchError((error: unknown) => {
      const status = error instanceof HttpErrorResponse ? error.status : -1;
      const body = error instanceof HttpErrorResponse ? error.error : undefined;
      const message =
        status === -1
          ? `Something went wrong in the dashboard while ${action}. Reload the page.`
          : describeApiFailure({ status, error: body }, action);
      if (status === -1) console.error(error);
      return of<LoadState<T>>({ status: 'error', httpStatus: status, message });
    }),
    startWith<LoadState<T>>(LOADING),
  );
}
