import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, MeResponse } from '@peakplan/contracts';
import { firstValueFrom, map, Observable, tap } from 'rxjs';

/**
 * The signed-in person. The session itself is an httpOnly cookie the browser keeps; this service only
 * knows who it belongs to (`GET /api/auth/me`). Mutating requests carry the CSRF header through
 * HttpClient's XSRF support (see app.config.ts).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  /** undefined: not asked yet; null: nobody signed in. */
  private readonly currentUser = signal<MeResponse | null | undefined>(undefined);
  private pendingSessionCheck: Promise<MeResponse | null> | null = null;

  readonly user = computed(() => this.currentUser() ?? null);

  /** Asks the server once who is signed in; later calls reuse the answer until sign-in or sign-out. */
  loadSession(): Promise<MeResponse | null> {
    const known = this.currentUser();
    if (known !== undefined) return Promise.resolve(known);
    this.pendingSessionCheck ??= firstValueFrom(this.http.get<MeResponse>('/api/auth/me'))
      .then(
        (user) => user,
        (error: unknown) => {
          // 401 is the normal "not signed in"; anything else (server down) also means we cannot
          // vouch for a session, so the sign-in page takes over and reports the problem when used.
          if (!(error instanceof HttpErrorResponse) || error.status !== 401)
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
  }
}
