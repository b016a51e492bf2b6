import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

const PAGES = [
  { path: '/pool', label: 'Pool', exact: true },
  { path: '/pool/points', label: 'Points and rewards', exact: false },
  { path: '/pool/allocations', label: 'Roster results', exact: false },
  { path: '/pool/messages', label: 'Messages', exact: false },
];

/** The pool member's own pages, as links that wrap on a phone. */
@Component({
  selector: 'pp-pool-member-nav',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="subnav" aria-label="My pool pages">
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
      padding: 0.6rem 0.7rem;
      color: var(--text-muted);
      text-decoration: none;
      font-weight: 600;
      font-size: 0.9rem;
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
export class PoolMemberNavComponent {
  protected readonly pages = PAGES;
}
