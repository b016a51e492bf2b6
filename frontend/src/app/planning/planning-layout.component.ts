import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNavComponent, type SubNavPage } from '../core/layout/sub-nav.component';

const PAGES: readonly SubNavPage[] = [
  { path: '/planning', label: 'History and import', exact: true },
  { path: '/planning/queues-events', label: 'Queues and events', exact: false },
  { path: '/planning/forecast', label: 'Forecast', exact: false },
  { path: '/planning/scenarios', label: 'Scenarios', exact: false },
  { path: '/planning/reasons', label: 'Contact reasons', exact: false },
  { path: '/planning/staffing', label: 'Staffing and publishing', exact: false },
  { path: '/planning/roster', label: 'Roster by preference', exact: false },
];

/** The planner's pages under one sub-navigation; each page is its own lazy-loaded route. */
@Component({
  selector: 'pp-planning-layout',
  imports: [RouterOutlet, SubNavComponent],
  template: `
    <pp-sub-nav class="no-print" label="Planning" [pages]="pages" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanningLayoutComponent {
  protected readonly pages = PAGES;
}
