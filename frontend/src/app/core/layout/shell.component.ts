import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';

import { describeApiFailure } from '../api/api-failure-message';
import { AuthService } from '../auth/auth.service';
import { areaLinksFor } from '../auth/role-access';
import { TopNavComponent } from './top-nav.component';

/** The frame around every signed-in page: top navigation and the page itself. */
@Component({
  selector: 'pp-shell',
  imports: [RouterOutlet, TopNavComponent],
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    @if (auth.user(); as user) {
      <pp-top-nav [user]="user" [links]="links()" [signingOut]="signingOut()" (signOut)="signOut()" />
    }
    @if (signOutProblem(); as problem) {
      <div class="banner alert" role="alert">{{ problem }}</div>
    }
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    main {
      max-width: 1200px;
      margin: 0 auto;
      padding: 1.5rem 1.5rem 3rem;
    }
    @media (max-width: 640px) {
      main {
        padding: 1rem 0.75rem 2rem;
      }
    }
    main:focus {
      outline: none;
    }
    .banner {
      margin: 1rem auto 0;
      max-width: 1200px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly links = computed(() => areaLinksFor(this.auth.user()?.roles ?? []));
  protected readonly signingOut = signal(false);
  protected readonly signOutProblem = signal<string | null>(null);

  protected signOut(): void {
    this.signingOut.set(true);
    this.signOutProblem.set(null);
    this.auth.signOut().subscribe({
      next: () => void this.router.navigate(['/sign-in'], { queryParams: { reason: 'signed-out' } }),
      error: (error: unknown) => {
        this.signingOut.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        if (status === 401) {
          // Already signed out on the server.
          this.auth.forgetSession();
          void this.router.navigate(['/sign-in']);
          return;
        }
        this.signOutProblem.set(describeApiFailure({ status }, 'signing out'));
      },
    });
  }
}
