import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { AuthService } from './auth.service';

/** Requests whose 401 is an answer, not an expired session. */
const AUTH_ENDPOINTS = ['/api/auth/login', '/api/auth/me', '/api/auth/session', '/api/auth/logout'];

/** A 401 from any other API call means the session ended: back to sign-in, then back here. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !AUTH_ENDPOINTS.some((endpoint) => request.url.startsWith(endpoint))
      ) {
        auth.forgetSession();
        const returnUrl = router.url.startsWith('/sign-in') ? undefined : router.url;
        void router.navigate(['/sign-in'], { queryParams: { returnUrl, reason: 'expired' } });
      }
      return throwError(() => error);
    }),
  );
};
