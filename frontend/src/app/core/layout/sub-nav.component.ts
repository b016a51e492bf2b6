import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** One link of an area's sub-navigation; `exact` for the area's own first page. */
export interface SubNavPage {
  path: string;
  label: string;
  exact: boolean;
}

/**
 * An area's pages (planning, management, pool) as one row of tabs that wraps on a phone instead of
 * scrolling sideways; the current page is marked for screen readers (`aria-current="page"`).
 */
@Component({
  selector: 'pp-sub-nav',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="subnav" [attr.aria-label]="label()">
      @for (page of pages(); track page.path) {
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
      margin-bottom: 1.25rem;
    }
    .subnav a {
      padding: 0.55rem 0.85rem;
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
export class SubNavComponent {
  /** The navigation's accessible name, e.g. "Planning". */
  readonly label = input.required<string>();
  readonly pages = input.required<readonly SubNavPage[]>();
}
