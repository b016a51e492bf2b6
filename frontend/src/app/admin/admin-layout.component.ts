import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNavComponent, type SubNavPage } from '../core/layout/sub-nav.component';

const PAGES: readonly SubNavPage[] = [
  { path: '/admin', label: 'Accounts', exact: true },
  { path: '/admin/import', label: 'Import accounts', exact: false },
  { path: '/admin/audit', label: 'Audit trail', exact: false },
  { path: '/admin/organisation', label: 'Organisation', exact: false },
];

/** The admin's pages under one sub-navigation; each page is its own lazy-loaded route. */
@Component({
  selector: 'pp-admin-layout',
  imports: [RouterOutlet, SubNavComponent],
  template: `
    <pp-sub-nav label="Admin" [pages]="pages" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminLayoutComponent {
  protected readonly pages = PAGES;
}
