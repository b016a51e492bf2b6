import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { AuthService } from '../core/auth/auth.service';

/** The member's pages; each is its own lazy-loaded route. */
const PAGES = [
  { path: '/pool', label: 'Open shifts', exact: true },
  { path: '/pool/schedule', label: 'My schedule', exact: false },
  { path: '/pool/allocations', label: 'Roster results', exact: false },
  { path: '/pool/points', label: 'Points', exact: false },
  { path: '/pool/messages', label: 'Messages', exact: false },
  { path: '/pool/membership', label: 'Membership', exact: false },
];

/**
 * The pool member's pages under one sub-navigation that wraps on a phone instead of scrolling sideways.
 * Their API answers pool members only, so another role (a planner, an admin) is told so instead.
 */
@Component({
  selector: 'pp-pool-layout',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    @if (!isMember()) {
      <header class="page-header">
        <p class="eyebrow">Pool</p>
        <h1>The pool members' pages</h1>
        <p class="lead">
          These pages show a pool member their open shifts, schedule, roster results, points, messages and
          membership; your account is not a pool member's. Planners publish shifts from a staffing plan;
          managers approve their department's members under Management.
        </p>
      </header>
    } @else {
      <nav class="subnav" aria-label="Pool">
        @for (page of pages; track page.path) {
          <a
            [routerLink]="page.path"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: page.exact }"
            ariaCurrentWhenActive="page"
            >{{ page.label }}</a
          >
        }
      </nav>
      <router-outlet />
    }
  `,
  styles: `
    .subnav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--border-strong);
      margin-bottom: 1rem;
    }
    .subnav a {
      padding: 0.6rem 0.8rem;
      color: var(--text-muted);
      text-decoration: none;
      font-weight: 600;
      font-size: 0.9375rem;
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    .subnav a:hover {
      color: var(--accent);
    }
    .subnav a.active {
      color: var(--accent-strong);
      border-bottom-color: var(--accent);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolLayoutComponent {
  protected readonly pages = PAGES;
  private readonly user = inject(AuthService).user;
  protected readonly isMember = computed(() => this.user()?.roles.includes('pool-member') ?? false);
}
