import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The member's pages; each is its own lazy-loaded route, so new ones (points, messages) slot in here. */
const PAGES = [
  { path: '/pool', label: 'Open shifts', exact: true },
  { path: '/pool/schedule', label: 'My schedule', exact: false },
  { path: '/pool/membership', label: 'Membership', exact: false },
];

/** The pool member's pages under one sub-navigation that wraps on a phone instead of scrolling sideways. */
@Component({
  selector: 'pp-pool-layout',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
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
}
