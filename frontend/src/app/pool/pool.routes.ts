import { Routes } from '@angular/router';

import { PoolLayoutComponent } from './pool-layout.component';

export const POOL_ROUTES: Routes = [
  {
    path: '',
    component: PoolLayoutComponent,
    children: [
      {
        path: '',
        title: 'Open shifts · PeakPlan',
        loadComponent: () => import('./open-shifts/open-shifts.page').then((m) => m.OpenShiftsPage),
      },
      {
        path: 'schedule',
        title: 'My schedule · PeakPlan',
        loadComponent: () => import('./schedule/my-schedule.page').then((m) => m.MySchedulePage),
      },
      {
        path: 'membership',
        title: 'Membership · PeakPlan',
        loadComponent: () => import('./membership/membership.page').then((m) => m.MembershipPage),
      },
    ],
  },
];
