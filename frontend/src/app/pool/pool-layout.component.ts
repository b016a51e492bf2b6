import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { AuthService } from '../core/auth/auth.service';
import { SubNavComponent, type SubNavPage } from '../core/layout/sub-nav.component';

/** The member's pages; each is its own lazy-loaded route. */
const PAGES: readonly SubNavPage[] = [
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
  imports: [RouterOutlet, SubNavComponent],
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
      <pp-sub-nav label="Pool" [pages]="pages" />
      <router-outlet />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolLayoutComponent {
  protected readonly pages = PAGES;
  private readonly user = inject(AuthService).user;
  protected readonly isMember = computed(() => this.user()?.roles.includes('pool-member') ?? false);
}
