import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNavComponent, type SubNavPage } from '../core/layout/sub-nav.component';

const PAGES: readonly SubNavPage[] = [
  { path: '/management', label: 'Peak reviews', exact: true },
  { path: '/management/approvals', label: 'Pool approvals', exact: false },
  { path: '/management/scenarios', label: 'Scenarios', exact: false },
  { path: '/management/points', label: 'Points', exact: false },
];

/** The manager's pages under one sub-navigation; each page is its own lazy-loaded route. */
@Component({
  selector: 'pp-management-layout',
  imports: [RouterOutlet, SubNavComponent],
  template: `
    <pp-sub-nav label="Management" [pages]="pages" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManagementLayoutComponent {
  protected readonly pages = PAGES;
}
