import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, MeResponse, SessionResponse } from '@peakplan/contracts';
import { firstValueFrom, map, Observable, tap } from 'rxjs';

import { OrganisationSettings } from '../organisation/organisation-settings.service';

/**
 * The signed-in person. The session itself is an httpOnly cookie the browser keeps; this service only
 * knows who it belongs to (`GET /api/auth/session`, which answers 200 with user null when nobody is
 * signed in, so the sign-in page logs no 401). Mutating requests carry the CSRF header through
 * HttpClient's XSRF support (see app.config.ts).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly organisation = inject(OrganisationSettings);
  /** undefined: not asked yet; null: nobody signed in. */
  private readonly currentUser = signal<MeResponse | null | undefined>(undefined);
  private pendingSessionCheck: Promise<MeResponse | null> | null = null;

  readonly user = computed(() => this.currentUser() ?? null);

  /** Asks the server once who is signed in; later calls reuse the answer until sign-in or sign-out. */
  loadSession(): Promise<MeResponse | null> {
    const known = this.currentUser();
    if (known !== undefined) return Promise.resolve(known);
    this.pendingSessionCheck ??= firstValueFrom(this.http.get<SessionResponse>('/api/auth/session'))
      .then(
        (session) => session.user,
        (error: unknown) => {
          // The server is down or refused: we cannot vouch for a session, so the sign-in page takes
          // over and reports the problem when used.
          console.warn('Session check failed', error);
          return null;
        },
      )
      .then((user) => {
        this.currentUser.set(user);
        this.pendingSessionCheck = null;
        return user;
      });
    return this.pendingSessionCheck;
  }

  signIn(credentials: LoginRequest): Observable<MeResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      map((response) => response.user),
      tap((user) => this.currentUser.set(user)),
    );
  }

  signOut(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(tap(() => this.forgetSession()));
  }

  /** After the server said 401: the session cookie is gone or expired. */
  forgetSession(): void {
    this.currentUser.set(null);
    this.organisation.forget();
  }
}
