import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

const PAGES = [
  { path: '/planning', label: 'History and import', exact: true },
  { path: '/planning/queues-events', label: 'Queues and events', exact: false },
  { path: '/planning/forecast', label: 'Forecast', exact: false },
  { path: '/planning/scenarios', label: 'Scenarios', exact: false },
  { path: '/planning/reasons', label: 'Contact reasons', exact: false },
  { path: '/planning/roster', label: 'Roster', exact: false },
];

/** The planner's pages under one sub-navigation; each page is its own lazy-loaded route. */
@Component({
  selector: 'pp-planning-layout',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav class="subnav" aria-label="Planning">
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
      margin-bottom: 1.25rem;
    }
    .subnav a {
      padding: 0.5rem 0.9rem;
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
export class PlanningLayoutComponent {
  protected readonly pages = PAGES;
}
